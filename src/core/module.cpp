// cleanprep._core: the per-character and per-line kernels, bound for Python.
// Every function here has a readable Python twin in cleanprep/reference.py, and
// tests/test_core.py checks the two agree on random text.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <stdexcept>

#include "gate.hpp"
#include "lid.hpp"
#include "needles.hpp"
#include "recurrence.hpp"
#include "scripts.hpp"
#include "sentences.hpp"
#include "split.hpp"
#include "text.hpp"
#include "windows.hpp"
#include "wordbits.hpp"
#include "words.hpp"

namespace py = pybind11;
using namespace cleanprep;

namespace {

ScriptTable table_of(const py::bytes& table) {
  if (PyBytes_GET_SIZE(table.ptr()) != 0x10000) {
    throw std::invalid_argument("the script table must hold 65536 codes");
  }
  return ScriptTable(PyBytes_AS_STRING(table.ptr()));
}

// cleanprep/regex_classes.py's table: a byte of class bits for each code point of the BMP.
const unsigned char* classes_of(const py::bytes& table) {
  if (PyBytes_GET_SIZE(table.ptr()) != 0x10000) throw py::value_error("the class table needs 65536 bytes");
  return reinterpret_cast<const unsigned char*>(PyBytes_AS_STRING(table.ptr()));
}

py::bytes digests(const std::vector<uint64_t>& hashes) {
  return py::bytes(reinterpret_cast<const char*>(hashes.data()), hashes.size() * sizeof(uint64_t));
}

std::vector<std::u32string> code_points(const py::list& strs) {
  std::vector<std::u32string> out;
  out.reserve(strs.size());
  for (size_t i = 0; i < strs.size(); ++i) {
    PyObject* s = PyList_GET_ITEM(strs.ptr(), i);
    if (!PyUnicode_Check(s)) throw py::type_error("needles must be a list of str");
    Text t(s);
    std::u32string cps(static_cast<size_t>(t.size()), U'\0');
    for (Py_ssize_t j = 0; j < t.size(); ++j) cps[static_cast<size_t>(j)] = t[j];
    out.push_back(std::move(cps));
  }
  return out;
}

// A str as the UTF-8 bytes fastText reads: a lone surrogate (from a JSON escape) becomes U+FFFD,
// as the fasttext module's strict encoding would refuse it.
std::string utf8_of(PyObject* str) {
  if (PyUnicode_IS_ASCII(str)) {
    return std::string(static_cast<const char*>(PyUnicode_DATA(str)),
                       static_cast<size_t>(PyUnicode_GET_LENGTH(str)));
  }
  Text t(str);
  std::string out;
  out.reserve(static_cast<size_t>(t.size()) * 3);
  for (Py_ssize_t i = 0; i < t.size(); ++i) {
    Py_UCS4 c = t[i];
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Each text's top-k guesses as [(label, probability), ...], the shape cleanprep's callers read.
py::list predict_texts(const LanguageModel& model, const py::list& texts, int k, float threshold) {
  const size_t n = texts.size();
  std::vector<std::string> lines(n);
  for (size_t i = 0; i < n; ++i) {
    PyObject* text = PyList_GET_ITEM(texts.ptr(), i);
    if (!PyUnicode_Check(text)) throw py::type_error("predict takes a list of str");
    lines[i] = utf8_of(text);
  }
  std::vector<std::vector<std::pair<float, int32_t>>> found(n);
  {
    py::gil_scoped_release unlocked;  // the model is read-only: threads may predict side by side
    LanguageModel::Scratch scratch;
    for (size_t i = 0; i < n; ++i) model.predict(lines[i], k, threshold, found[i], scratch);
  }
  std::vector<py::str> names;
  for (const std::string& label : model.labels()) names.emplace_back(label);
  py::list out(n);
  for (size_t i = 0; i < n; ++i) {
    py::list guesses(found[i].size());
    for (size_t j = 0; j < found[i].size(); ++j) {
      const auto& [p, label] = found[i][j];
      guesses[j] = py::make_tuple(names[static_cast<size_t>(label)], static_cast<double>(p));
    }
    out[i] = std::move(guesses);
  }
  return out;
}

py::tuple profile_tuple(const ScriptProfile& p) {
  return py::make_tuple(p.letters, py::str(std::string(1, p.dominant)), p.mixed, p.spaces);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "cleanprep's compiled kernels (see cleanprep/reference.py for what each computes)";

  m.def(
      "split_lines",
      [](const py::str& text) {
        std::vector<LineSpan> spans = split_lines(text.ptr());
        py::list out(spans.size());
        for (size_t i = 0; i < spans.size(); ++i) {
          const LineSpan& s = spans[i];
          out[i] = py::make_tuple(s.start, s.end, s.new_block, s.may_end);
        }
        return out;
      },
      py::arg("text"),
      "(start, end, new block, may end) of each non-blank line of `text`.");

  m.def(
      "split_segments",
      [](const py::str& text, const py::bytes& table, const py::list& abbreviations) {
        SegmentSpans spans = split_segments(text.ptr(), classes_of(table), code_points(abbreviations));
        return py::make_tuple(spans.starts, spans.ends, spans.blocks, spans.lines, spans.undecided);
      },
      py::arg("text"), py::arg("table"), py::arg("abbreviations"),
      "(starts, ends, blocks, lines, undecided) of the segments of `text` (see cleanprep/split.py).");

  m.def(
      "gate_lines", [](const py::str& text) { return gate_lines(text.ptr()); }, py::arg("text"),
      "The numbers of the lines of `text` (split at newlines) where fix.py's _FTFY_GATE finds something.");

  m.def(
      "letter_words",
      [](const py::list& texts, const py::bytes& table) {
        const unsigned char* classes = classes_of(table);
        std::vector<long> out(texts.size());
        for (size_t i = 0; i < texts.size(); ++i) {
          PyObject* text = PyList_GET_ITEM(texts.ptr(), i);
          if (!PyUnicode_Check(text)) throw py::type_error("letter_words takes a list of str");
          out[i] = letter_words(text, classes);
        }
        return out;
      },
      py::arg("texts"), py::arg("table"),
      "For each text, how many of its runs of non-spaces hold a letter (-1: a character above the BMP "
      "would decide).");

  m.def(
      "script_codes",
      [](const py::str& text, const py::bytes& table) {
        PyObject* out = script_codes(text.ptr(), table_of(table));
        if (out == nullptr) throw py::error_already_set();
        return py::reinterpret_steal<py::str>(out);
      },
      py::arg("text"), py::arg("table"), "One script code per character of `text`.");

  m.def(
      "script_profiles",
      [](const py::list& texts, const py::bytes& table) {
        ScriptTable codes = table_of(table);
        py::list out(texts.size());
        for (size_t i = 0; i < texts.size(); ++i) {
          PyObject* text = PyList_GET_ITEM(texts.ptr(), i);
          if (!PyUnicode_Check(text)) throw py::type_error("script_profiles takes a list of str");
          out[i] = profile_tuple(script_profile(text, codes));
        }
        return out;
      },
      py::arg("texts"), py::arg("table"),
      "(letters, dominant script, mixed, spaces) of each text.");

  m.def(
      "key_hashes",
      [](const py::list& keys) {
        std::vector<uint64_t> out;
        out.reserve(keys.size());
        for (size_t i = 0; i < keys.size(); ++i) {
          PyObject* key = PyList_GET_ITEM(keys.ptr(), i);
          if (!PyUnicode_Check(key)) throw py::type_error("key_hashes takes a list of str");
          out.push_back(key_hash(key));
        }
        return digests(out);
      },
      py::arg("keys"), "The 64-bit digest of each key, as native uint64 bytes.");

  m.def(
      "short_line_hashes",
      [](const py::str& text, Py_ssize_t max_chars) {
        std::vector<uint64_t> out;
        if (!short_line_hashes(text.ptr(), max_chars, out)) throw py::error_already_set();
        return digests(out);
      },
      py::arg("text"), py::arg("max_chars"),
      "The distinct digests of the normalised keys of the lines of at most max_chars characters.");

  m.def(
      "window_means",
      [](const py::buffer& values, size_t cols, const std::vector<int>& ks) {
        py::buffer_info info = values.request();
        if (info.format != py::format_descriptor<double>::format() || info.itemsize != sizeof(double)) {
          throw py::type_error("window_means takes float64 values");
        }
        const size_t size = static_cast<size_t>(info.size);
        if (cols == 0 || size % cols != 0) throw py::value_error("the values do not make rows of cols");
        // Row after row, with no gaps (C order): what np.ascontiguousarray hands in.
        py::ssize_t stride = sizeof(double);
        for (py::ssize_t d = info.ndim - 1; d >= 0; --d) {
          const size_t at = static_cast<size_t>(d);
          if (info.shape[at] > 1 && info.strides[at] != stride) throw py::value_error("window_means takes C-ordered values");
          stride *= info.shape[at];
        }
        std::vector<double> out;
        {
          py::gil_scoped_release unlocked;
          out = window_means(static_cast<const double*>(info.ptr), size / cols, cols, ks);
        }
        return py::bytes(reinterpret_cast<const char*>(out.data()), out.size() * sizeof(double));
      },
      py::arg("values"), py::arg("cols"), py::arg("ks"),
      "Means of the k rows before and after each row (float64 bytes, one k after another): "
      "features._window_means_for.");

  m.def(
      "word_cases",
      [](const py::str& spaced) {
        std::string title, upper;
        word_cases(spaced.ptr(), title, upper);
        return py::make_tuple(py::bytes(title), py::bytes(upper));
      },
      py::arg("spaced"),
      "(title, upper): one byte per word of `spaced` (split at ' '), str.istitle and str.isupper.");

  m.def(
      "lines_marks",
      [](const py::list& lines, const py::list& needles, const std::vector<uint64_t>& marks,
         const py::list& anchored, const std::vector<uint64_t>& anchored_marks) {
        for (size_t i = 0; i < lines.size(); ++i) {
          if (!PyUnicode_Check(PyList_GET_ITEM(lines.ptr(), i))) {
            throw py::type_error("lines_marks takes a list of str");
          }
        }
        return lines_marks(lines.ptr(), code_points(needles), marks, code_points(anchored), anchored_marks);
      },
      py::arg("lines"), py::arg("needles"), py::arg("marks"), py::arg("anchored"), py::arg("anchored_marks"),
      "One int per line: the union of the marks of the `needles` it holds and the `anchored` ones it "
      "begins with.");

  py::class_<Needles>(m, "Needles", "Many short strings, looked for in a document's lines at a time.")
      .def(py::init([](const py::list& needles, const std::vector<uint64_t>& marks, const py::list& anchored,
                       const std::vector<uint64_t>& anchored_marks) {
             return new Needles(code_points(needles), marks, code_points(anchored), anchored_marks);
           }),
           py::arg("needles"), py::arg("marks"), py::arg("anchored"), py::arg("anchored_marks"),
           "`marks[k]` goes with `needles[k]` (held anywhere), `anchored_marks[k]` with `anchored[k]` "
           "(held at the start).")
      .def(
          "marks",
          [](const Needles& self, const py::list& lines) {
            for (size_t i = 0; i < lines.size(); ++i) {
              if (!PyUnicode_Check(PyList_GET_ITEM(lines.ptr(), i))) {
                throw py::type_error("lines_marks takes a list of str");
              }
            }
            return self.marks_of(lines.ptr());
          },
          py::arg("lines"),
          "One int per line: the union of the marks of the needles it holds and the anchored ones it "
          "begins with (`lines_marks`).");

  py::class_<WordBits>(m, "WordBits", "A table of words and their bits, looked up a text's words at a time.")
      .def(py::init([](const py::dict& table) { return new WordBits(table.ptr()); }), py::arg("table"),
           "From a dict of str -> int (bits, 0 to 2**63 - 1).")
      .def(
          "of_words",
          [](const WordBits& self, const py::str& spaced) {
            std::vector<int64_t> bits = self.of_words(spaced.ptr());
            return py::bytes(reinterpret_cast<const char*>(bits.data()), bits.size() * sizeof(int64_t));
          },
          py::arg("spaced"),
          "Each word's bits (0: not in the table), words split at ' ', as native int64 bytes.");

  py::class_<LanguageModel>(m, "LanguageModel",
                            "fastText's supervised language model (lid.176.ftz), read from its bytes.")
      .def(py::init([](const py::bytes& file) { return new LanguageModel(std::string(file)); }),
           py::arg("file"), "Read a model from its file's bytes; ValueError for a layout it does not know.")
      .def_property_readonly("labels", &LanguageModel::labels, "The labels, without '__label__'.")
      .def("predict", &predict_texts, py::arg("texts"), py::arg("k") = 1, py::arg("threshold") = 0.0f,
           "[(label, probability), ...] of each text, best first, as fastText's predict gives them.");
}
