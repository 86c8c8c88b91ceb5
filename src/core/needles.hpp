#pragma once
#include <Python.h>

#include <string>
#include <vector>

namespace cleanprep {

// For each str of the list `lines`, whether it holds one of `needles` anywhere or begins with one of
// `anchored`: one byte (0 or 1) per line, in order. Needles are compared code point by code point.
std::string lines_holding(PyObject* lines, const std::vector<std::u32string>& needles,
                          const std::vector<std::u32string>& anchored);

}  // namespace cleanprep
