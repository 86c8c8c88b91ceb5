#pragma once
#include <Python.h>

#include <string>

namespace cleanprep {

// For each word of `spaced` (runs of characters other than ' '), whether it is title case and
// whether it is upper case, as str.istitle and str.isupper say: one byte each, in word order.
void word_cases(PyObject* spaced, std::string& title, std::string& upper);

}  // namespace cleanprep
