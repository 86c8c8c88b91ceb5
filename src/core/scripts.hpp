#pragma once
#include <Python.h>

#include <string>

namespace cleanprep {

// The script code of every code point of the Basic Multilingual Plane (one ASCII byte each, ' ' for
// none); code points above it have none. The table is built in Python (language/scripts.py).
class ScriptTable {
 public:
  explicit ScriptTable(const char* codes) : codes_(codes) {}
  char operator()(Py_UCS4 c) const { return c < 0x10000 ? codes_[c] : ' '; }

 private:
  const char* codes_;
};

// What the letters of one text say of its script.
struct ScriptProfile {
  long letters;    // letters, Han and Hangul weighing 3 and Kana 2
  char dominant;   // the heaviest script (Kana counts Han with it), ' ' without letters
  bool mixed;      // letters of more than one script
  long spaces;     // ' ' characters
};

PyObject* script_codes(PyObject* text, const ScriptTable& table);
ScriptProfile script_profile(PyObject* text, const ScriptTable& table);

}  // namespace cleanprep
