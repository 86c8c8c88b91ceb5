// The bits of each word of a text in a table of words (cleanprep/chrome/features.py counts stopwords
// with it; Python reference: cleanprep/reference.py `bits_of_words`).
#pragma once
#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cleanprep {

class WordBits {
 public:
  // `table`: a dict of str -> int (0 <= int < 2**63).
  explicit WordBits(PyObject* table);

  // For each word of `spaced` (runs of characters other than ' '), its bits in the table (0 when
  // it is not there), in word order.
  std::vector<int64_t> of_words(PyObject* spaced) const;

 private:
  template <typename Char>
  void look_up(const Char* s, Py_ssize_t n, std::vector<int64_t>& out) const;
  template <typename Char>
  int64_t bits_of(const Char* s, Py_ssize_t len, uint64_t hash) const;

  // An open-addressing table of the words: each slot names a word by its hash and where its code
  // points lie in `points_` (a word is compared where it stands in the text: nothing is copied).
  struct Slot {
    uint64_t hash = 0;
    uint32_t at = 0;
    uint32_t len = 0;  // 0: an empty slot (the empty word is never looked up)
    int64_t bits = 0;
  };
  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<char32_t> points_;
};

}  // namespace cleanprep
