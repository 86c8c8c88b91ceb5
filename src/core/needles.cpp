// Which lines hold one of many short strings (cleanprep/chrome/phrases.py `notice_lines`; Python
// reference: cleanprep/reference.py `lines_holding`).
//
// One pass over each line instead of one search per needle: a position is looked at only when the
// pair of code points there opens some needle (a 65,536-bit table of pair hashes), and only the
// needles of that pair are compared there.
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

std::string lines_holding(PyObject* lines, const std::vector<std::u32string>& needles,
                          const std::vector<std::u32string>& anchored) {
  const Py_ssize_t n_lines = PyList_GET_SIZE(lines);
  bool always = false;  // an empty needle is in every line
  std::vector<Py_UCS4> singles;
  std::bitset<0x10000> opens;
  std::unordered_map<uint32_t, std::vector<size_t>> by_pair;
  for (size_t k = 0; k < needles.size(); ++k) {
    const std::u32string& s = needles[k];
    if (s.empty()) {
      always = true;
    } else if (s.size() == 1) {
      singles.push_back(s[0]);
    } else {
      uint32_t key = pair_key(s[0], s[1]);
      opens.set(key);
      by_pair[key].push_back(k);
    }
  }
  for (const std::u32string& s : anchored) always = always || s.empty();
  std::string out(static_cast<size_t>(n_lines), '\0');
  for (Py_ssize_t i = 0; i < n_lines; ++i) {
    PyObject* line = PyList_GET_ITEM(lines, i);
    if (!PyUnicode_Check(line)) throw std::invalid_argument("lines_holding takes a list of str");
    if (always) {
      out[i] = 1;
      continue;
    }
    Text t(line);
    bool hit = false;
    for (const std::u32string& s : anchored) {
      if (holds_at(t, 0, s)) {
        hit = true;
        break;
      }
    }
    const Py_ssize_t n = t.size();
    for (Py_ssize_t at = 0; at < n && !hit; ++at) {
      const Py_UCS4 c = t[at];
      for (Py_UCS4 single : singles) {
        if (c == single) {
          hit = true;
          break;
        }
      }
      if (hit || at + 1 >= n) continue;
      const uint32_t key = pair_key(c, t[at + 1]);
      if (!opens.test(key)) continue;
      for (size_t k : by_pair.find(key)->second) {
        if (holds_at(t, at, needles[k])) {
          hit = true;
          break;
        }
      }
    }
    out[i] = hit ? 1 : 0;
  }
  return out;
}

}  // namespace cleanprep
