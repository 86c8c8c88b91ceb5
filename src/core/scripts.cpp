// Script codes and script weights (cleanprep/language/scripts.py; Python reference:
// cleanprep/reference.py `script_codes` and `script_profile`).
#include "scripts.hpp"

#include "text.hpp"

namespace cleanprep {

PyObject* script_codes(PyObject* text, const ScriptTable& table) {
  Text t(text);
  PyObject* out = PyUnicode_New(t.size(), 127);
  if (out == nullptr) return nullptr;
  Py_UCS1* codes = PyUnicode_1BYTE_DATA(out);
  for (Py_ssize_t i = 0; i < t.size(); ++i) codes[i] = static_cast<Py_UCS1>(table(t[i]));
  return out;
}

namespace {

long heavy(unsigned char code) {
  switch (code) {
    case 'Z': case 'K': return 3;  // Han, Hangul
    case 'J': return 2;            // Kana
    default: return 1;
  }
}

}  // namespace

ScriptProfile script_profile(PyObject* text, const ScriptTable& table) {
  Text t(text);
  long counts[128] = {0};
  ScriptProfile p{0, ' ', false, 0};
  for (Py_ssize_t i = 0; i < t.size(); ++i) {
    Py_UCS4 c = t[i];
    if (c == ' ') ++p.spaces;
    unsigned char code = static_cast<unsigned char>(table(c));
    if (code != ' ') ++counts[code & 127];
  }
  int kinds = 0;
  long weights[128];
  for (int code = 0; code < 128; ++code) {
    weights[code] = counts[code] * heavy(static_cast<unsigned char>(code));
    if (counts[code]) {
      ++kinds;
      p.letters += weights[code];
    }
  }
  p.mixed = kinds > 1;
  if (counts['J'] && counts['Z']) {  // Japanese writes Kana and Han together
    weights['J'] += weights['Z'];
    weights['Z'] = 0;
  }
  long best = 0;
  for (int code = 0; code < 128; ++code) {  // ties go to the lowest code, as in scripts.dominant_of
    if (counts[code] && weights[code] > best) {
      best = weights[code];
      p.dominant = static_cast<char>(code);
    }
  }
  return p;
}

}  // namespace cleanprep
