// Which of many short strings each line holds (cleanprep/chrome/phrases.py `notice_lines`; Python
// reference: cleanprep/reference.py `lines_marks`).
//
// One pass over each line instead of one search per needle: a position is looked at only when the
// pair of code points there opens some needle (a 65,536-bit table of pair hashes), and only the
// needles of that pair are compared there. Each needle carries a mark (bits); a line gets the union
// of the marks of the needles it holds, so the caller learns which kinds of phrase to try on it.
#include "needles.hpp"

#include <bitset>
#include <stdexcept>
#include <unordered_map>

#include "text.hpp"

namespace cleanprep {

namespace {

inline uint32_t pair_key(Py_UCS4 a, Py_UCS4 b) {
  return ((static_cast<uint32_t>(a) * 0x9E3779B1u) ^ static_cast<uint32_t>(b)) & 0xFFFFu;
}

inline bool holds_at(const Text& t, Py_ssize_t at, const std::u32string& needle) {
  if (at + static_cast<Py_ssize_t>(needle.size()) > t.size()) return false;
  for (size_t j = 0; j < needle.size(); ++j) {
    if (t[at + static_cast<Py_ssize_t>(j)] != needle[j]) return false;
  }
  return true;
}

}  // namespace

std::vector<uint64_t> lines_marks(PyObject* lines, const std::vector<std::u32string>& needles,
                                  const std::vector<uint64_t>& marks,
                                  const std::vector<std::u32string>& anchored,
                                  const std::vector<uint64_t>& anchored_marks) {
  if (marks.size() != needles.size() || anchored_marks.size() != anchored.size()) {
    throw std::invalid_argument("lines_marks needs one mark per needle");
  }
  const Py_ssize_t n_lines = PyList_GET_SIZE(lines);
  uint64_t always = 0;  // the marks of empty needles: an empty string is in every line
  std::vector<std::pair<Py_UCS4, uint64_t>> singles;
  std::bitset<0x10000> opens;
  std::unordered_map<uint32_t, std::vector<size_t>> by_pair;
  for (size_t k = 0; k < needles.size(); ++k) {
    const std::u32string& s = needles[k];
    if (s.empty()) {
      always |= marks[k];
    } else if (s.size() == 1) {
      singles.emplace_back(s[0], marks[k]);
    } else {
      uint32_t key = pair_key(s[0], s[1]);
      opens.set(key);
      by_pair[key].push_back(k);
    }
  }
  std::vector<uint64_t> out(static_cast<size_t>(n_lines), 0);
  for (Py_ssize_t i = 0; i < n_lines; ++i) {
    PyObject* line = PyList_GET_ITEM(lines, i);
    if (!PyUnicode_Check(line)) throw std::invalid_argument("lines_marks takes a list of str");
    Text t(line);
    uint64_t mark = always;
    for (size_t k = 0; k < anchored.size(); ++k) {
      if (holds_at(t, 0, anchored[k])) mark |= anchored_marks[k];
    }
    const Py_ssize_t n = t.size();
    for (Py_ssize_t at = 0; at < n; ++at) {
      const Py_UCS4 c = t[at];
      for (const auto& [single, single_mark] : singles) {
        if (c == single) mark |= single_mark;
      }
      if (at + 1 >= n) continue;
      const uint32_t key = pair_key(c, t[at + 1]);
      if (!opens.test(key)) continue;
      for (size_t k : by_pair.find(key)->second) {
        if (holds_at(t, at, needles[k])) mark |= marks[k];
      }
    }
    out[static_cast<size_t>(i)] = mark;
  }
  return out;
}

}  // namespace cleanprep
