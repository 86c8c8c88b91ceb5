// The split into lines (cleanprep/split.py; Python reference: cleanprep/reference.py `lines`).
#include "split.hpp"

#include "text.hpp"

namespace cleanprep {

namespace {

// Where a sentence may end: split.py's _MAY_END (terminal punctuation of the scripts we split).
bool is_terminal(Py_UCS4 c) {
  switch (c) {
    case '.': case '!': case '?':
    case 0x2026: case 0x203c: case 0x2047: case 0x2048: case 0x2049:
    case 0x3002: case 0xff01: case 0xff1f: case 0xff0e:
    case 0x0964: case 0x0965: case 0x06d4: case 0x061f:
      return true;
    default:
      return false;
  }
}

template <bool (*Space)(Py_UCS4)>
std::vector<LineSpan> lines_with(const Text& t, bool restrip) {
  std::vector<LineSpan> out;
  const Py_ssize_t n = t.size();
  bool blank = false;
  Py_ssize_t pos = 0;
  while (pos <= n) {
    Py_ssize_t eol = pos;
    while (eol < n && t[eol] != '\n') ++eol;
    Py_ssize_t start = pos;
    while (start < eol && Space(t[start])) ++start;
    if (start < eol) {
      Py_ssize_t end = eol;
      while (end > start && Space(t[end - 1])) --end;
      // Sentences end where str.rstrip says, which differs from Space only when `restrip`.
      Py_ssize_t stop = end;
      if (restrip) {
        while (stop > start && is_space(t[stop - 1])) --stop;
      }
      bool may_end = false;
      for (Py_ssize_t i = start; i + 1 < stop; ++i) {
        if (is_terminal(t[i])) {
          may_end = true;
          break;
        }
      }
      out.push_back({start, end, blank && !out.empty(), may_end});
      blank = false;
    } else {
      blank = true;
    }
    pos = eol + 1;
  }
  return out;
}

}  // namespace

std::vector<LineSpan> split_lines(PyObject* text) {
  Text t(text);
  // Text holding the information separators (\x1c-\x1f) is cut the way split.py's regex cuts it;
  // the rest the way str.split and str.strip do (the two agree on every other character).
  for (Py_ssize_t i = 0; i < t.size(); ++i) {
    Py_UCS4 c = t[i];
    if (c >= 0x1c && c <= 0x1f) return lines_with<is_regex_space>(t, true);
  }
  return lines_with<is_space>(t, false);
}

}  // namespace cleanprep
