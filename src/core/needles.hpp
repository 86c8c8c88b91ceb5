#pragma once
#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cleanprep {

// For each str of the list `lines`, the union (bitwise or) of the marks of the `needles` it holds
// anywhere and of the `anchored` needles it begins with (0: none), in order. Needles are compared
// code point by code point; `marks[k]` goes with `needles[k]`, `anchored_marks[k]` with `anchored[k]`.
std::vector<uint64_t> lines_marks(PyObject* lines, const std::vector<std::u32string>& needles,
                                  const std::vector<uint64_t>& marks,
                                  const std::vector<std::u32string>& anchored,
                                  const std::vector<uint64_t>& anchored_marks);

}  // namespace cleanprep
