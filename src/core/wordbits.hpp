// The bits of each word of a text in a table of words (cleanprep/chrome/features.py counts stopwords
// with it; Python reference: cleanprep/reference.py `bits_of_words`).
#pragma once
#include <Python.h>

#include <cstdint>
#include <string>
#include <unordered_map>
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
  std::unordered_map<std::u32string, int64_t> bits_;
};

}  // namespace cleanprep
