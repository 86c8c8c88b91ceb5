// Line keys and their digests for the cross-file recurrence sketch (cleanprep/chrome/recurrence.py;
// Python reference: cleanprep/reference.py `key_hash` and `short_line_hashes`).
#include "recurrence.hpp"

#include <unordered_set>

#include "text.hpp"

namespace cleanprep {

namespace {

constexpr uint64_t kOffset = 0x9E3779B97F4A7C15ULL;
constexpr uint64_t kPrime = 0x100000001B3ULL;

uint64_t avalanche(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

template <typename Points>
uint64_t digest(const Points& points, Py_ssize_t n) {
  uint64_t h = kOffset ^ static_cast<uint64_t>(n);
  for (Py_ssize_t i = 0; i < n; ++i) h = (h ^ static_cast<uint64_t>(points[i])) * kPrime;
  return avalanche(h);
}

}  // namespace

uint64_t key_hash(PyObject* key) {
  Text t(key);
  return digest(t, t.size());
}

bool short_line_hashes(PyObject* text, Py_ssize_t max_chars, std::vector<uint64_t>& out) {
  Text t(text);
  const Py_ssize_t n = t.size();
  std::unordered_set<uint64_t> seen;
  std::vector<Py_UCS4> kept;
  Py_ssize_t pos = 0;
  while (pos <= n) {
    Py_ssize_t eol = pos;
    while (eol < n && t[eol] != '\n') ++eol;
    if (eol - pos <= max_chars) {
      kept.clear();
      bool ascii = true;
      for (Py_ssize_t i = pos; i < eol; ++i) {
        Py_UCS4 c = t[i];
        if (!Py_UNICODE_ISALNUM(c)) continue;
        if (c < 128) {
          if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        } else {
          ascii = false;
        }
        kept.push_back(c);
      }
      if (!kept.empty()) {
        uint64_t h;
        if (ascii) {
          h = digest(kept, static_cast<Py_ssize_t>(kept.size()));
        } else {
          // Full Unicode lower-casing (final sigma, "İ" -> "i̇") is str.lower's own.
          PyObject* raw = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, kept.data(),
                                                    static_cast<Py_ssize_t>(kept.size()));
          PyObject* low = raw ? PyObject_CallMethod(raw, "lower", nullptr) : nullptr;
          Py_XDECREF(raw);
          if (low == nullptr) return false;
          h = key_hash(low);
          Py_DECREF(low);
        }
        if (seen.insert(h).second) out.push_back(h);
      }
    }
    pos = eol + 1;
  }
  return true;
}

}  // namespace cleanprep
