// The sentences of a line, as split.py's regular expressions find them, without a regex engine:
//   - _SENTENCE_END: a terminal (. ! ? … ‼ ⁇ ⁈ ⁉), closing quotes or brackets, whitespace, then
//     an opening quote, bracket or dash at most, then a letter that may open a sentence; or a CJK,
//     Devanagari or Arabic stop, whitespace or none, then any non-space character;
//   - _ABBREVIATION: the text before the whitespace ends in a word of the list (or one capital
//     letter) standing alone, a period and closing quotes or brackets: no sentence ends there.
// Each pattern's greedy runs cannot give back anything that would let it match elsewhere (no
// terminal, closer or opener is a space or a letter), so one forward scan finds its matches.
#include "sentences.hpp"

#include <algorithm>

#include "split.hpp"

namespace cleanprep {

namespace {

bool ends_latin(Py_UCS4 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203c || (c >= 0x2047 && c <= 0x2049);
}

bool ends_other(Py_UCS4 c) {
  switch (c) {
    case 0x3002: case 0xff01: case 0xff1f: case 0xff0e: case 0x0964: case 0x0965: case 0x06d4: case 0x061f:
      return true;
    default:
      return false;
  }
}

bool closes(Py_UCS4 c) {
  return c == '"' || c == '\'' || c == 0x201d || c == 0x2019 || c == 0x00bb || c == ')' || c == ']';
}

bool closes_abbreviation(Py_UCS4 c) {  // _ABBREVIATION's closers: no »
  return c == '"' || c == '\'' || c == 0x201d || c == 0x2019 || c == ')' || c == ']';
}

bool opens_quote(Py_UCS4 c) {
  return c == '"' || c == '\'' || c == 0x201c || c == 0x2018 || c == 0x00ab || c == 0x201e || c == '(' ||
         c == '[' || c == '-' || c == 0x2013 || c == 0x2014;
}

// One line, text[a, b), read through the table. A question the table cannot answer (a character
// above the BMP) sets `unsure`.
template <typename Char>
class Line {
 public:
  Line(const Char* s, Py_ssize_t a, Py_ssize_t b, const unsigned char* table)
      : s_(s + a), n_(b - a), table_(table) {}

  Py_ssize_t size() const { return n_; }
  Py_UCS4 operator[](Py_ssize_t i) const { return s_[i]; }
  bool space(Py_ssize_t i) const { return s_[i] < 0x10000 && (table_[s_[i]] & kSpace); }
  bool has(Py_ssize_t i, unsigned char bit) {
    const Py_UCS4 c = s_[i];
    if (c >= 0x10000) {
      unsure = true;
      return false;
    }
    return table_[c] & bit;
  }
  // \b before position i of the line (the line is the whole string the regex sees).
  bool word_starts(Py_ssize_t i) { return i == 0 || !has(i - 1, kWord); }

  bool unsure = false;

 private:
  const Char* s_;
  Py_ssize_t n_;
  const unsigned char* table_;
};

// _SENTENCE_END.search(line, pos, end): the gap's span (cut, next) and whether it was the first
// pattern's (only then is _ABBREVIATION asked); false when there is no match.
template <typename Char>
bool next_end(Line<Char>& line, Py_ssize_t pos, Py_ssize_t& cut, Py_ssize_t& next, bool& latin) {
  const Py_ssize_t n = line.size();
  for (Py_ssize_t i = pos; i < n; ++i) {
    const Py_UCS4 c = line[i];
    if (ends_latin(c)) {
      Py_ssize_t j = i + 1;
      while (j < n && closes(line[j])) ++j;
      const Py_ssize_t gap = j;
      while (j < n && line.space(j)) ++j;
      if (j == gap || j >= n) continue;
      const Py_ssize_t letter = opens_quote(line[j]) ? j + 1 : j;
      // Without the opener the letter would be the opener itself, which is no letter.
      if (letter < n && line.has(letter, kOpens)) {
        cut = gap;
        next = j;
        latin = true;
        return true;
      }
    } else if (ends_other(c)) {
      Py_ssize_t j = i + 1;
      while (j < n && line.space(j)) ++j;
      if (j < n) {
        cut = i + 1;
        next = j;
        latin = false;
        return true;
      }
    }
  }
  return false;
}

// _ABBREVIATION.search(line, lo, cut): a match must end at `cut`.
template <typename Char>
bool abbreviation(Line<Char>& line, Py_ssize_t lo, Py_ssize_t cut, const std::vector<std::u32string>& words) {
  Py_ssize_t q = cut;
  while (q > lo && closes_abbreviation(line[q - 1])) --q;
  const Py_ssize_t dot = q - 1;
  if (dot < lo || line[dot] != '.') return false;
  for (const std::u32string& w : words) {
    const Py_ssize_t k = dot - static_cast<Py_ssize_t>(w.size());
    if (k < lo) continue;
    bool same = true;
    for (size_t j = 0; j < w.size() && same; ++j) same = line[k + static_cast<Py_ssize_t>(j)] == w[j];
    if (same && line.word_starts(k)) return true;
  }
  return dot - 1 >= lo && line.has(dot - 1, kUpper) && line.word_starts(dot - 1);
}

template <typename Char>
void cut_line(const Char* s, Py_ssize_t a, Py_ssize_t b, Py_ssize_t block, Py_ssize_t line_no,
              const unsigned char* table, const std::vector<std::u32string>& words, SegmentSpans& out) {
  Line<Char> line(s, a, b, table);
  const size_t before = out.starts.size();
  const Py_ssize_t n = line.size();
  Py_ssize_t start = 0, pos = 0, cut = 0, next = 0;
  bool latin = false;
  while (next_end(line, pos, cut, next, latin)) {
    pos = next;
    if (cut <= start || (latin && abbreviation(line, std::max(start, cut - 12), cut, words))) continue;
    out.starts.push_back(a + start);
    out.ends.push_back(a + cut);
    start = next;
  }
  if (n > start) {
    out.starts.push_back(a + start);
    out.ends.push_back(a + n);
  }
  if (line.unsure) {  // the whole line instead, for the caller to cut with the patterns themselves
    out.starts.resize(before);
    out.ends.resize(before);
    out.starts.push_back(a);
    out.ends.push_back(b);
    out.undecided.push_back(line_no);
  }
  out.blocks.resize(out.starts.size(), block);
  out.lines.resize(out.starts.size(), line_no);
}

template <typename Char>
void cut_lines(const Char* s, const std::vector<LineSpan>& lines, const unsigned char* table,
               const std::vector<std::u32string>& words, SegmentSpans& out) {
  Py_ssize_t block = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LineSpan& l = lines[i];
    block += l.new_block;
    const Py_ssize_t line_no = static_cast<Py_ssize_t>(i);
    if (!l.may_end) {
      out.starts.push_back(l.start);
      out.ends.push_back(l.end);
      out.blocks.push_back(block);
      out.lines.push_back(line_no);
    } else {
      cut_line(s, l.start, l.end, block, line_no, table, words, out);
    }
  }
}

}  // namespace

SegmentSpans split_segments(PyObject* text, const unsigned char* table,
                            const std::vector<std::u32string>& abbreviations) {
  const std::vector<LineSpan> lines = split_lines(text);
  SegmentSpans out;
  out.starts.reserve(lines.size());
  const void* data = PyUnicode_DATA(text);
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      cut_lines(static_cast<const Py_UCS1*>(data), lines, table, abbreviations, out);
      break;
    case PyUnicode_2BYTE_KIND:
      cut_lines(static_cast<const Py_UCS2*>(data), lines, table, abbreviations, out);
      break;
    default:
      cut_lines(static_cast<const Py_UCS4*>(data), lines, table, abbreviations, out);
      break;
  }
  return out;
}

namespace {

template <typename Char>
long count_letter_words(const Char* s, Py_ssize_t n, const unsigned char* table) {
  long words = 0;
  Py_ssize_t i = 0;
  while (i < n) {
    // A run of non-spaces; an astral character is never \s.
    while (i < n && s[i] < 0x10000 && (table[s[i]] & kSpace)) ++i;
    if (i == n) break;
    bool letter = false, astral = false;
    for (; i < n && !(s[i] < 0x10000 && (table[s[i]] & kSpace)); ++i) {
      if (s[i] >= 0x10000) astral = true;
      else if (table[s[i]] & kLetter) letter = true;
    }
    if (letter) ++words;
    else if (astral) return -1;
  }
  return words;
}

}  // namespace

long letter_words(PyObject* text, const unsigned char* table) {
  const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
  const void* data = PyUnicode_DATA(text);
  switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
      return count_letter_words(static_cast<const Py_UCS1*>(data), n, table);
    case PyUnicode_2BYTE_KIND:
      return count_letter_words(static_cast<const Py_UCS2*>(data), n, table);
    default:
      return count_letter_words(static_cast<const Py_UCS4*>(data), n, table);
  }
}

}  // namespace cleanprep
