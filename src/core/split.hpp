#pragma once
#include <Python.h>

#include <vector>

namespace cleanprep {

// One non-blank line of a text: where its content starts and ends, whether a blank line came before
// it (a new block), and whether it holds a character a sentence may end on before its last one.
struct LineSpan {
  Py_ssize_t start;
  Py_ssize_t end;
  bool new_block;
  bool may_end;
};

std::vector<LineSpan> split_lines(PyObject* text);

}  // namespace cleanprep
