#pragma once
#include <Python.h>

#include <bitset>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cleanprep {

// Which of many short strings each line holds. Built once from the needles (the tables below cost
// more than one document's lines do), then asked of each document's lines.
class Needles {
 public:
  // `marks[k]` goes with `needles[k]` (held anywhere), `anchored_marks[k]` with `anchored[k]` (held
  // at the start); std::invalid_argument when the lengths differ.
  Needles(std::vector<std::u32string> needles, std::vector<uint64_t> marks,
          std::vector<std::u32string> anchored, std::vector<uint64_t> anchored_marks);

  // For each str of the list `lines`, the union (bitwise or) of the marks of the needles it holds
  // and of the anchored needles it begins with (0: none), in order. Needles are compared code point
  // by code point. std::invalid_argument for an item that is not a str.
  std::vector<uint64_t> marks_of(PyObject* lines) const;

 private:
  template <typename Char>
  uint64_t line_mark(const Char* s, Py_ssize_t n) const;

  std::vector<std::u32string> needles_;
  std::vector<uint64_t> marks_;
  std::vector<std::u32string> anchored_;
  std::vector<uint64_t> anchored_marks_;
  uint64_t always_ = 0;  // the marks of empty needles: an empty string is in every line
  std::vector<std::pair<Py_UCS4, uint64_t>> singles_;
  std::bitset<0x10000> opens_;  // pair hashes that open some needle of two or three code points
  std::bitset<0x20000> opens4_;  // hashes of four code points that open some longer needle
  // The needles of each opening hash, sorted by hash: (hash, index into needles_).
  std::vector<std::pair<uint32_t, uint32_t>> by_pair_;
  std::vector<std::pair<uint32_t, uint32_t>> by_quad_;
};

// `Needles(needles, marks, anchored, anchored_marks).marks_of(lines)`, for one call.
std::vector<uint64_t> lines_marks(PyObject* lines, const std::vector<std::u32string>& needles,
                                  const std::vector<uint64_t>& marks,
                                  const std::vector<std::u32string>& anchored,
                                  const std::vector<uint64_t>& anchored_marks);

}  // namespace cleanprep
