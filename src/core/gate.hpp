// The lines of a text that ftfy might change (cleanprep/fix.py `_FTFY_GATE`; Python reference:
// cleanprep/reference.py `gate_lines`).
#pragma once
#include <Python.h>

#include <vector>

namespace cleanprep {

// The numbers of the lines (split at '\n') where fix.py's _FTFY_GATE finds something, in order.
std::vector<Py_ssize_t> gate_lines(PyObject* text);

}  // namespace cleanprep
