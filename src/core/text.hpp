// Reading a Python str's code points in place: no copy, no UTF-8 round trip.
#pragma once
#include <Python.h>

#include <cstdint>

namespace cleanprep {

// A read-only view of a str's code points (one of CPython's 1-, 2- or 4-byte layouts).
class Text {
 public:
  explicit Text(PyObject* str)
      : kind_(PyUnicode_KIND(str)), data_(PyUnicode_DATA(str)), size_(PyUnicode_GET_LENGTH(str)) {}

  Py_ssize_t size() const { return size_; }
  Py_UCS4 operator[](Py_ssize_t i) const { return PyUnicode_READ(kind_, data_, i); }

 private:
  int kind_;
  const void* data_;
  Py_ssize_t size_;
};

// str.strip()'s idea of whitespace.
inline bool is_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }

// The regex module's \s: str.strip()'s whitespace less the four information separators.
inline bool is_regex_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c) && (c < 0x1c || c > 0x1f); }

}  // namespace cleanprep
