// Which of many short strings each line holds (cleanprep/chrome/phrases.py `notice_lines` and
// `hinted_lines`; Python reference: cleanprep/reference.py `lines_marks`).
//
// One pass over each line instead of one search per needle: a position is looked at only when the
// code points there open some needle (a bit table of hashes: of the first four code points for
// needles of four or more, of the first two for shorter ones), and only the needles of that hash
// are compared there. Each needle carries a mark (bits); a line gets the union
// of the marks of the needles it holds, so the caller learns which kinds of phrase to try on it.
#include "needles.hpp"

#include <algorithm>
#include <stdexcept>

namespace cleanprep {

namespace {

inline uint32_t pair_key(Py_UCS4 a, Py_UCS4 b) {
  return ((static_cast<uint32_t>(a) * 0x9E3779B1u) ^ static_cast<uint32_t>(b)) & 0xFFFFu;
}

inline uint32_t quad_key(Py_UCS4 a, Py_UCS4 b, Py_UCS4 c, Py_UCS4 d) {
  uint32_t h = static_cast<uint32_t>(a) * 0x9E3779B1u;
  h = (h ^ static_cast<uint32_t>(b)) * 0x85EBCA77u;
  h = (h ^ static_cast<uint32_t>(c)) * 0xC2B2AE3Du;
  h ^= static_cast<uint32_t>(d);
  return (h ^ (h >> 15)) & 0x1FFFFu;
}

template <typename Char>
inline bool holds_at(const Char* s, Py_ssize_t n, Py_ssize_t at, const std::u32string& needle) {
  if (at + static_cast<Py_ssize_t>(needle.size()) > n) return false;
  for (size_t j = 0; j < needle.size(); ++j) {
    if (static_cast<Py_UCS4>(s[at + static_cast<Py_ssize_t>(j)]) != needle[j]) return false;
  }
  return true;
}

}  // namespace

Needles::Needles(std::vector<std::u32string> needles, std::vector<uint64_t> marks,
                 std::vector<std::u32string> anchored, std::vector<uint64_t> anchored_marks)
    : needles_(std::move(needles)),
      marks_(std::move(marks)),
      anchored_(std::move(anchored)),
      anchored_marks_(std::move(anchored_marks)) {
  if (marks_.size() != needles_.size() || anchored_marks_.size() != anchored_.size()) {
    throw std::invalid_argument("lines_marks needs one mark per needle");
  }
  for (size_t k = 0; k < needles_.size(); ++k) {
    const std::u32string& s = needles_[k];
    if (s.empty()) {
      always_ |= marks_[k];
    } else if (s.size() == 1) {
      singles_.emplace_back(s[0], marks_[k]);
    } else if (s.size() < 4) {
      const uint32_t key = pair_key(s[0], s[1]);
      opens_.set(key);
      by_pair_.emplace_back(key, static_cast<uint32_t>(k));
    } else {
      // Most needles are words: keyed by four code points, far fewer positions of a line open one.
      const uint32_t key = quad_key(s[0], s[1], s[2], s[3]);
      opens4_.set(key);
      by_quad_.emplace_back(key, static_cast<uint32_t>(k));
    }
  }
  std::sort(by_pair_.begin(), by_pair_.end());
  std::sort(by_quad_.begin(), by_quad_.end());
}

template <typename Char>
uint64_t Needles::line_mark(const Char* s, Py_ssize_t n) const {
  uint64_t mark = always_;
  for (size_t k = 0; k < anchored_.size(); ++k) {
    if (holds_at(s, n, 0, anchored_[k])) mark |= anchored_marks_[k];
  }
  if (!singles_.empty()) {
    for (Py_ssize_t at = 0; at < n; ++at) {
      for (const auto& [single, single_mark] : singles_) {
        if (static_cast<Py_UCS4>(s[at]) == single) mark |= single_mark;
      }
    }
  }
  if (!by_pair_.empty()) {
    for (Py_ssize_t at = 0; at + 1 < n; ++at) {
      const uint32_t key = pair_key(s[at], s[at + 1]);
      if (!opens_.test(key)) continue;
      auto it = std::lower_bound(by_pair_.begin(), by_pair_.end(), std::make_pair(key, uint32_t(0)));
      for (; it != by_pair_.end() && it->first == key; ++it) {
        if (holds_at(s, n, at, needles_[it->second])) mark |= marks_[it->second];
      }
    }
  }
  if (!by_quad_.empty()) {
    for (Py_ssize_t at = 0; at + 3 < n; ++at) {
      const uint32_t key = quad_key(s[at], s[at + 1], s[at + 2], s[at + 3]);
      if (!opens4_.test(key)) continue;
      auto it = std::lower_bound(by_quad_.begin(), by_quad_.end(), std::make_pair(key, uint32_t(0)));
      for (; it != by_quad_.end() && it->first == key; ++it) {
        if (holds_at(s, n, at, needles_[it->second])) mark |= marks_[it->second];
      }
    }
  }
  return mark;
}

std::vector<uint64_t> Needles::marks_of(PyObject* lines) const {
  const Py_ssize_t n_lines = PyList_GET_SIZE(lines);
  std::vector<uint64_t> out(static_cast<size_t>(n_lines), 0);
  for (Py_ssize_t i = 0; i < n_lines; ++i) {
    PyObject* line = PyList_GET_ITEM(lines, i);
    if (!PyUnicode_Check(line)) throw std::invalid_argument("lines_marks takes a list of str");
    const Py_ssize_t n = PyUnicode_GET_LENGTH(line);
    const void* data = PyUnicode_DATA(line);
    uint64_t mark = 0;
    // One loop per layout of the str, so that no character is read through a switch on it.
    switch (PyUnicode_KIND(line)) {
      case PyUnicode_1BYTE_KIND:
        mark = line_mark(static_cast<const Py_UCS1*>(data), n);
        break;
      case PyUnicode_2BYTE_KIND:
        mark = line_mark(static_cast<const Py_UCS2*>(data), n);
        break;
      default:
        mark = line_mark(static_cast<const Py_UCS4*>(data), n);
        break;
    }
    out[static_cast<size_t>(i)] = mark;
  }
  return out;
}

std::vector<uint64_t> lines_marks(PyObject* lines, const std::vector<std::u32string>& needles,
                                  const std::vector<uint64_t>& marks,
                                  const std::vector<std::u32string>& anchored,
                                  const std::vector<uint64_t>& anchored_marks) {
  return Needles(needles, marks, anchored, anchored_marks).marks_of(lines);
}

}  // namespace cleanprep
