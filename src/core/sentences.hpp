// The split of a text into segments: its lines, and the sentences of the lines that hold more
// than one (cleanprep/split.py; Python reference: cleanprep/reference.py `segments`).
#pragma once
#include <Python.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cleanprep {

// What the regex module says of each character of the Basic Multilingual Plane, one byte each
// (cleanprep/regex_classes.py): kOpens (\p{Lu}, \p{Lt} or \p{Lo}: may open a sentence), kWord (\w),
// kSpace (\s), kUpper (\p{Lu}), kLetter (\p{L}).
constexpr unsigned char kOpens = 1, kWord = 2, kSpace = 4, kUpper = 8, kLetter = 16;

struct SegmentSpans {
  std::vector<Py_ssize_t> starts, ends, blocks, lines;
  // Lines cut only where the table cannot say (a character above the BMP where a letter or a word
  // character is asked for): each is given whole, for the caller to cut.
  std::vector<Py_ssize_t> undecided;
};

// Every non-blank line of `text` (as split_lines finds them, for text without \x1c-\x1f), cut into
// sentences where split.py's _SENTENCE_END ends one and _ABBREVIATION does not hold it back.
// `table` has 65,536 bytes; `abbreviations` are the words whose period ends no sentence.
SegmentSpans split_segments(PyObject* text, const unsigned char* table,
                            const std::vector<std::u32string>& abbreviations);

// How many of the runs of non-space characters (\S+) of `text` hold a letter (\p{L}): what
// len(regex.findall(r"\S*\p{L}\S*", text)) counts. -1 when a run holds no letter of the BMP but
// a character above it (the table cannot say).
long letter_words(PyObject* text, const unsigned char* table);

}  // namespace cleanprep
