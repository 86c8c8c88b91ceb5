#include "wordbits.hpp"

#include <stdexcept>

#include "text.hpp"

namespace cleanprep {

WordBits::WordBits(PyObject* table) {
  if (!PyDict_Check(table)) throw std::invalid_argument("WordBits takes a dict of str to int");
  PyObject *key, *value;
  Py_ssize_t at = 0;
  while (PyDict_Next(table, &at, &key, &value)) {
    if (!PyUnicode_Check(key) || !PyLong_Check(value)) {
      throw std::invalid_argument("WordBits takes a dict of str to int");
    }
    const long long bits = PyLong_AsLongLong(value);
    if (bits == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      throw std::invalid_argument("a word's bits must fit in 63 bits");
    }
    if (bits < 0) throw std::invalid_argument("a word's bits must not be negative");
    Text t(key);
    std::u32string word(static_cast<size_t>(t.size()), U'\0');
    for (Py_ssize_t j = 0; j < t.size(); ++j) word[static_cast<size_t>(j)] = t[j];
    bits_[word] = static_cast<int64_t>(bits);
  }
}

std::vector<int64_t> WordBits::of_words(PyObject* spaced) const {
  Text t(spaced);
  std::vector<int64_t> out;
  std::u32string word;  // one buffer for every word: no allocation once it is long enough
  const Py_ssize_t n = t.size();
  Py_ssize_t i = 0;
  while (i < n) {
    while (i < n && t[i] == ' ') ++i;
    if (i == n) break;
    word.clear();
    while (i < n && t[i] != ' ') word.push_back(t[i++]);
    auto found = bits_.find(word);
    out.push_back(found == bits_.end() ? 0 : found->second);
  }
  return out;
}

}  // namespace cleanprep
