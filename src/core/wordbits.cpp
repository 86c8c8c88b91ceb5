#include "wordbits.hpp"

#include <stdexcept>

#include "text.hpp"

namespace cleanprep {

namespace {

constexpr uint64_t kStart = 1469598103934665603ull;
constexpr uint64_t kPrime = 1099511628211ull;

inline uint64_t step(uint64_t h, Py_UCS4 c) { return (h ^ c) * kPrime; }

}  // namespace

WordBits::WordBits(PyObject* table) {
  if (!PyDict_Check(table)) throw std::invalid_argument("WordBits takes a dict of str to int");
  const Py_ssize_t words = PyDict_Size(table);
  size_t size = 16;
  while (size < static_cast<size_t>(words) * 2) size <<= 1;  // at most half full: short probes
  slots_.assign(size, Slot{});
  mask_ = size - 1;
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
    if (t.size() == 0) continue;  // no run of characters is empty: never asked for
    uint64_t h = kStart;
    for (Py_ssize_t j = 0; j < t.size(); ++j) h = step(h, t[j]);
    // Keys are distinct (a dict's), so a new word always takes an empty slot.
    size_t slot = h & mask_;
    while (slots_[slot].len != 0) slot = (slot + 1) & mask_;
    slots_[slot] = Slot{h, static_cast<uint32_t>(points_.size()), static_cast<uint32_t>(t.size()),
                        static_cast<int64_t>(bits)};
    for (Py_ssize_t j = 0; j < t.size(); ++j) points_.push_back(static_cast<char32_t>(t[j]));
  }
}

template <typename Char>
int64_t WordBits::bits_of(const Char* s, Py_ssize_t len, uint64_t hash) const {
  for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& here = slots_[slot];
    if (here.len == 0) return 0;
    if (here.hash != hash || here.len != static_cast<uint32_t>(len)) continue;
    const char32_t* word = &points_[here.at];
    Py_ssize_t j = 0;
    while (j < len && static_cast<char32_t>(s[j]) == word[j]) ++j;
    if (j == len) return here.bits;
  }
}

template <typename Char>
void WordBits::look_up(const Char* s, Py_ssize_t n, std::vector<int64_t>& out) const {
  Py_ssize_t i = 0;
  while (i < n) {
    while (i < n && s[i] == ' ') ++i;
    if (i == n) break;
    const Py_ssize_t start = i;
    uint64_t h = kStart;
    while (i < n && s[i] != ' ') h = step(h, s[i++]);
    out.push_back(bits_of(s + start, i - start, h));
  }
}

std::vector<int64_t> WordBits::of_words(PyObject* spaced) const {
  std::vector<int64_t> out;
  const Py_ssize_t n = PyUnicode_GET_LENGTH(spaced);
  const void* data = PyUnicode_DATA(spaced);
  out.reserve(static_cast<size_t>(n / 4));
  // One loop per layout of the str, so that no character is read through a switch on it.
  switch (PyUnicode_KIND(spaced)) {
    case PyUnicode_1BYTE_KIND:
      look_up(static_cast<const Py_UCS1*>(data), n, out);
      break;
    case PyUnicode_2BYTE_KIND:
      look_up(static_cast<const Py_UCS2*>(data), n, out);
      break;
    default:
      look_up(static_cast<const Py_UCS4*>(data), n, out);
      break;
  }
  return out;
}

}  // namespace cleanprep
