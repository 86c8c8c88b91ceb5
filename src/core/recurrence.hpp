#pragma once
#include <Python.h>

#include <cstdint>
#include <vector>

namespace cleanprep {

// The 64-bit digest of a line key (the same in every process and run): FNV-1a over the code points,
// seeded with the length, then a final avalanche so every 21-bit slice of it is well mixed.
uint64_t key_hash(PyObject* key);

// The distinct digests of the normalised keys of `text`'s lines of at most `max_chars` characters:
// a line's key is its letters and digits (str.isalnum), lower-cased as str.lower does; empty keys
// are left out. Returns false with a Python error set when lower-casing fails.
bool short_line_hashes(PyObject* text, Py_ssize_t max_chars, std::vector<uint64_t>& out);

}  // namespace cleanprep
