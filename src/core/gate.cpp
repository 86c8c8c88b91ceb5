// fix.py's _FTFY_GATE, one pass over the text instead of a regex search of each line:
//   - a lead byte of UTF-8 read as Latin-1 (Â..ô) followed by what a continuation byte becomes
//     (U+0080..U+00BF, or the cp1252 characters of 0x80..0x9F);
//   - an HTML entity: "&" and a letter and 1 to 7 letters or digits, "&#" and 2 digits, "&#x" and
//     2 hexadecimal digits (the pattern's longer counts and its ";" add nothing to whether it finds
//     one);
//   - a control or terminal-escape character, a lone surrogate, a Latin ligature (U+FB00..U+FB06).
// No match spans a newline, so a line is flagged exactly when the pattern finds something in it.
#include "gate.hpp"

namespace cleanprep {

namespace {

bool continuation_read_as_cp1252(Py_UCS4 c) {
  if (c >= 0x80 && c <= 0xbf) return true;
  switch (c) {
    case 0x20ac: case 0x201a: case 0x0192: case 0x201e: case 0x2026: case 0x2020: case 0x2021:
    case 0x02c6: case 0x2030: case 0x0160: case 0x2039: case 0x0152: case 0x017d: case 0x2018:
    case 0x2019: case 0x201c: case 0x201d: case 0x2022: case 0x2013: case 0x2014: case 0x02dc:
    case 0x2122: case 0x0161: case 0x203a: case 0x0153: case 0x017e: case 0x0178:
      return true;
    default:
      return false;
  }
}

bool odd_character(Py_UCS4 c) {
  return c <= 0x08 || c == 0x0b || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0xd800 && c <= 0xdfff) || (c >= 0xfb00 && c <= 0xfb06);
}

bool ascii_letter(Py_UCS4 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }
bool hex_digit(Py_UCS4 c) { return ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

template <typename Char>
bool entity_at(const Char* s, Py_ssize_t n, Py_ssize_t i) {  // s[i] == '&'
  if (i + 2 < n && ascii_letter(s[i + 1]) && (ascii_letter(s[i + 2]) || ascii_digit(s[i + 2]))) return true;
  if (i + 1 < n && s[i + 1] == '#') {
    if (i + 3 < n && ascii_digit(s[i + 2]) && ascii_digit(s[i + 3])) return true;
    if (i + 4 < n && (s[i + 2] == 'x' || s[i + 2] == 'X') && hex_digit(s[i + 3]) && hex_digit(s[i + 4])) {
      return true;
    }
  }
  return false;
}

template <typename Char>
std::vector<Py_ssize_t> flagged(const Char* s, Py_ssize_t n) {
  std::vector<Py_ssize_t> out;
  Py_ssize_t line = 0;
  for (Py_ssize_t i = 0; i < n; ++i) {
    const Py_UCS4 c = s[i];
    bool hit = false;
    if (c == '\n') {
      ++line;
      continue;
    }
    if (c >= 0xc2 && c <= 0xf4) {
      hit = i + 1 < n && continuation_read_as_cp1252(s[i + 1]);
    } else if (c == '&') {
      hit = entity_at(s, n, i);
    } else {
      hit = odd_character(c);
    }
    if (hit) {
      out.push_back(line);
      while (i < n && s[i] != '\n') ++i;  // one find is enough: on to the next line
      --i;
    }
  }
  return out;
}

}  // namespace

std::vector<Py_ssize_t> gate_lines(PyObject* text) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
  const void* data = PyUnicode_DATA(text);
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      return flagged(static_cast<const Py_UCS1*>(data), n);
    case PyUnicode_2BYTE_KIND:
      return flagged(static_cast<const Py_UCS2*>(data), n);
    default:
      return flagged(static_cast<const Py_UCS4*>(data), n);
  }
}

}  // namespace cleanprep
