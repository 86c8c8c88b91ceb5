// fastText's supervised model, read and run as its file lays it out. Written from the file format
// and from what the model computes; the arithmetic follows fastText's own, operation by operation,
// so that the probabilities come out the same to the last bit (tests/test_lid_model.py compares
// them with the fasttext module's on real and random text):
//   - a line splits into tokens at ASCII blanks and NUL; a token starting "__label__" is skipped;
//   - a known word adds its own row and the rows of its character n-grams, an unknown word only
//     the n-grams; n-grams of 2 to 4 characters of "<word>" (UTF-8 characters, not bytes), hashed
//     with 32-bit FNV-1a over bytes read as signed chars, taken modulo the bucket count, and kept
//     only where quantisation kept their row;
//   - a quantised row is norm * centroid value per element, rounded to a float (worked out once,
//     at load: the rows are then plain floats);
//   - the hidden vector is the float sum of the rows in that order, times (float)(1.0 / rows);
//   - the labels sit at the leaves of a Huffman tree over their counts; a depth-first search from
//     the root keeps the k best log-probabilities, each step adding float(log(p + 1e-5)).
#include "lid.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

namespace cleanprep {

namespace {

constexpr int32_t kMagic = 793712314;
constexpr int32_t kVersion = 12;
constexpr int kLossHierarchicalSoftmax = 1;
constexpr int kModelSupervised = 3;
constexpr int8_t kLabel = 1;
constexpr int32_t kCentroids = 256;
const char kLabelPrefix[] = "__label__";

class Reader {
 public:
  explicit Reader(const std::string& bytes) : data_(bytes), at_(0) {}

  template <typename T>
  T get() {
    T value;
    take(&value, sizeof(T));
    return value;
  }

  template <typename T>
  void get_array(std::vector<T>& out, int64_t n) {
    if (n < 0 || static_cast<uint64_t>(n) > (data_.size() - at_) / sizeof(T)) fail();
    out.resize(static_cast<size_t>(n));
    take(out.data(), static_cast<size_t>(n) * sizeof(T));
  }

  std::string get_cstring() {
    size_t end = data_.find('\0', at_);
    if (end == std::string::npos) fail();
    std::string s = data_.substr(at_, end - at_);
    at_ = end + 1;
    return s;
  }

  bool done() const { return at_ == data_.size(); }

  [[noreturn]] static void fail(const char* what = "the file ends early") {
    throw std::invalid_argument(std::string("not a fastText model this reader knows: ") + what);
  }

 private:
  void take(void* dst, size_t n) {
    if (n > data_.size() - at_) fail();
    std::memcpy(dst, data_.data() + at_, n);
    at_ += n;
  }

  const std::string& data_;
  size_t at_;
};

uint32_t fnv1a_step(uint32_t h, char byte) {
  // fastText reads each byte as a signed char before widening it: bytes of 0x80 and above
  // sign-extend, and the hashes (so the n-gram rows) depend on it.
  return (h ^ static_cast<uint32_t>(static_cast<int32_t>(static_cast<int8_t>(byte)))) * 16777619u;
}

constexpr uint32_t kFnvStart = 2166136261u;

bool continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

bool blank(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c == '\0';
}

// fastText's log with its floor: the argument and the result are floats, the sum is a double.
float floored_log(float x) { return static_cast<float>(std::log(x + 1e-5)); }

bool better(const std::pair<float, int32_t>& a, const std::pair<float, int32_t>& b) {
  return a.first > b.first;  // a min-heap on the score: its front is the k-th best so far
}

// A product-quantised input matrix as the file holds it: each row is nsubq codes, one per slice of
// dsub values (the last slice lastdsub), each picking one of 256 centroids, scaled by the row's norm.
struct Quantised {
  int32_t nsubq = 0, dsub = 0, lastdsub = 0;
  std::vector<uint8_t> codes, norm_codes;  // no norm codes: every norm is 1
  std::vector<float> centroids, norm_centroids;
};

// The rows as floats, each value as fastText adds it: the norm times the centroid's value, rounded
// to a float. fastText adds that product to the hidden vector at each use; making it once here and
// adding it later is the same two float operations, so the sums come out the same.
std::vector<float> dequantised(const Quantised& q, int64_t rows, int32_t dim) {
  std::vector<float> out(static_cast<size_t>(rows) * static_cast<size_t>(dim));
  for (int64_t row = 0; row < rows; ++row) {
    const float norm = q.norm_codes.empty() ? 1.0f : q.norm_centroids[q.norm_codes[static_cast<size_t>(row)]];
    const uint8_t* code = &q.codes[static_cast<size_t>(row) * static_cast<size_t>(q.nsubq)];
    float* x = &out[static_cast<size_t>(row) * static_cast<size_t>(dim)];
    for (int32_t m = 0; m < q.nsubq; ++m) {
      const bool last = m == q.nsubq - 1;
      const int32_t d = last ? q.lastdsub : q.dsub;
      const float* c = last ? &q.centroids[static_cast<size_t>(m * kCentroids * q.dsub + code[m] * q.lastdsub)]
                            : &q.centroids[static_cast<size_t>((m * kCentroids + code[m]) * q.dsub)];
      for (int32_t k = 0; k < d; ++k) x[m * q.dsub + k] = norm * c[k];
    }
  }
  return out;
}

}  // namespace

LanguageModel::LanguageModel(const std::string& file) {
  Reader in(file);
  if (in.get<int32_t>() != kMagic) Reader::fail("no fastText magic number");
  if (in.get<int32_t>() != kVersion) Reader::fail("a file version other than 12");
  int32_t args[12];
  for (int32_t& a : args) a = in.get<int32_t>();
  in.get<double>();  // the sampling threshold: training only
  dim_ = args[0];
  int32_t word_ngrams = args[5], loss = args[6], model = args[7];
  bucket_ = args[8];
  minn_ = args[9];
  maxn_ = args[10];
  if (model != kModelSupervised || loss != kLossHierarchicalSoftmax || word_ngrams != 1 ||
      dim_ <= 0 || maxn_ <= 0 || bucket_ <= 0) {
    Reader::fail("only supervised models with hierarchical softmax and no word n-grams");
  }

  int32_t size = in.get<int32_t>();
  nwords_ = in.get<int32_t>();
  int32_t nlabels = in.get<int32_t>();
  in.get<int64_t>();  // tokens seen in training
  int64_t pruned = in.get<int64_t>();
  if (size < 0 || nwords_ < 0 || nlabels <= 0 || nwords_ + nlabels != size) Reader::fail("sizes");
  std::vector<int64_t> counts;
  for (int32_t i = 0; i < size; ++i) {
    std::string word = in.get_cstring();
    int64_t count = in.get<int64_t>();
    int8_t type = in.get<int8_t>();
    if ((type == kLabel) != (i >= nwords_)) Reader::fail("words and labels out of order");
    if (type == kLabel) {
      if (word.compare(0, sizeof(kLabelPrefix) - 1, kLabelPrefix) != 0) Reader::fail("a label");
      labels_.push_back(word.substr(sizeof(kLabelPrefix) - 1));
      counts.push_back(count);
    } else {
      words_.push_back(std::move(word));
    }
  }
  // Quantisation may prune n-gram rows: then a table says which bucket kept which row (none kept:
  // an empty table); an unpruned model (-1) keeps every bucket's row, after the words' rows.
  every_bucket_ = pruned < 0;
  std::vector<int32_t> kept_rows;  // the kept buckets' rows in the file, in bucket order
  if (!every_bucket_) {
    const size_t words = (static_cast<size_t>(bucket_) + 63) / 64;
    kept_.assign(words, KeptWord{0, 0});
    std::vector<int32_t> row_at(static_cast<size_t>(bucket_), -1);
    for (int64_t i = 0; i < pruned; ++i) {
      int32_t bucket = in.get<int32_t>(), row = in.get<int32_t>();
      if (bucket < 0 || bucket >= bucket_ || row < 0) Reader::fail("a pruned n-gram");
      row_at[static_cast<size_t>(bucket)] = nwords_ + row;  // a bucket listed twice: the last row counts
    }
    for (int32_t b = 0; b < bucket_; ++b) {
      const size_t w = static_cast<size_t>(b) / 64;
      if ((b & 63) == 0 && w > 0) {
        kept_[w].before = kept_[w - 1].before + __builtin_popcountll(kept_[w - 1].bits);
      }
      if (row_at[static_cast<size_t>(b)] >= 0) {
        kept_[w].bits |= uint64_t(1) << (b & 63);
        kept_rows.push_back(row_at[static_cast<size_t>(b)]);
      }
    }
  }
  const int64_t needed = nwords_ + (pruned < 0 ? int64_t(bucket_) : pruned);

  if (in.get<bool>()) {  // a quantised input matrix: product-quantised rows, each with its norm
    const bool qnorm = in.get<bool>();
    int64_t rows = in.get<int64_t>(), cols = in.get<int64_t>();
    int32_t codesize = in.get<int32_t>();
    if (cols != dim_ || rows < needed) Reader::fail("the input matrix's shape");
    Quantised q;
    in.get_array(q.codes, codesize);
    if (in.get<int32_t>() != dim_) Reader::fail("the quantiser's size");
    q.nsubq = in.get<int32_t>();
    q.dsub = in.get<int32_t>();
    q.lastdsub = in.get<int32_t>();
    if (q.nsubq <= 0 || q.dsub <= 0 || q.lastdsub <= 0 || (q.nsubq - 1) * q.dsub + q.lastdsub != dim_ ||
        codesize != rows * q.nsubq) {
      Reader::fail("the quantiser's layout");
    }
    in.get_array(q.centroids, static_cast<int64_t>(dim_) * kCentroids);
    if (qnorm) {
      in.get_array(q.norm_codes, rows);
      for (int i = 0; i < 4; ++i) {
        if (in.get<int32_t>() != 1) Reader::fail("the norm quantiser");
      }
      in.get_array(q.norm_centroids, kCentroids);
    }
    input_ = dequantised(q, rows, dim_);
  } else {
    int64_t rows = in.get<int64_t>(), cols = in.get<int64_t>();
    if (cols != dim_ || rows < needed) Reader::fail("the input matrix's shape");
    in.get_array(input_, rows * cols);
  }
  if (in.get<bool>()) Reader::fail("a quantised output matrix");
  int64_t out_rows = in.get<int64_t>(), out_cols = in.get<int64_t>();
  if (out_cols != dim_ || out_rows < nlabels - 1) Reader::fail("the output matrix's shape");
  in.get_array(output_, out_rows * out_cols);
  if (!in.done()) Reader::fail("bytes after the output matrix");
  if (!every_bucket_) {
    // The kept buckets' rows laid out in bucket order after the words' rows, so that a bucket's
    // row is nwords plus the number of kept buckets before it (one look-up, see row_of).
    const size_t d = static_cast<size_t>(dim_);
    std::vector<float> laid((static_cast<size_t>(nwords_) + kept_rows.size()) * d);
    std::memcpy(laid.data(), input_.data(), static_cast<size_t>(nwords_) * d * sizeof(float));
    for (size_t r = 0; r < kept_rows.size(); ++r) {
      std::memcpy(&laid[(static_cast<size_t>(nwords_) + r) * d],
                  &input_[static_cast<size_t>(kept_rows[r]) * d], d * sizeof(float));
    }
    input_.swap(laid);
  }

  // The vocabulary as an open-addressing table of FNV-1a hashes (load at most a half), and each
  // word's rows in one array: a token is looked up with one hash and, mostly, one probe.
  size_t slots = 16;
  while (slots < 2 * words_.size()) slots *= 2;
  slot_mask_ = slots - 1;
  slots_.assign(slots, Slot{0, -1});
  word_rows_start_.assign(1, 0);
  std::string word;
  std::vector<int32_t> own;
  for (int32_t i = 0; i < nwords_; ++i) {
    const std::string& w = words_[static_cast<size_t>(i)];
    const uint32_t h = token_hash(w);
    size_t at = h & slot_mask_;
    while (slots_[at].word >= 0) {
      // A word listed twice: the first keeps the slot, as a map that never replaces would.
      if (slots_[at].hash == h && words_[static_cast<size_t>(slots_[at].word)] == w) break;
      at = (at + 1) & slot_mask_;
    }
    if (slots_[at].word < 0) slots_[at] = Slot{h, i};
    own.clear();
    own.push_back(i);
    if (w != "</s>") add_subwords(w, own, word);
    word_rows_.insert(word_rows_.end(), own.begin(), own.end());
    word_rows_start_.push_back(static_cast<int32_t>(word_rows_.size()));
  }

  // The Huffman tree: leaves are the labels (counts descending), inner nodes follow; each inner node
  // joins the two smallest of the leaves not yet joined and the inner nodes made so far.
  const int32_t n = nlabels;
  tree_.assign(static_cast<size_t>(2 * n - 1), Node{});
  for (int32_t i = 0; i < 2 * n - 1; ++i) tree_[static_cast<size_t>(i)].count = i < n ? counts[i] : int64_t(1e15);
  int32_t leaf = n - 1, inner = n;
  for (int32_t i = n; i < 2 * n - 1; ++i) {
    int32_t pick[2];
    for (int32_t& p : pick) {
      if (leaf >= 0 && tree_[static_cast<size_t>(leaf)].count < tree_[static_cast<size_t>(inner)].count) {
        p = leaf--;
      } else {
        p = inner++;
      }
    }
    Node& node = tree_[static_cast<size_t>(i)];
    node.left = pick[0];
    node.right = pick[1];
    node.count = tree_[static_cast<size_t>(pick[0])].count + tree_[static_cast<size_t>(pick[1])].count;
  }
}

void LanguageModel::add_subwords(std::string_view word, std::vector<int32_t>& rows, std::string& w) const {
  // The n-grams of "<word>": from each character start, 1 to maxn characters, hashed as they grow.
  w.clear();
  w += '<';
  w += word;
  w += '>';
  const size_t size = w.size();
  for (size_t i = 0; i < size; ++i) {
    if (continuation(w[i])) continue;
    uint32_t h = kFnvStart;
    size_t j = i;
    for (int32_t chars = 1; j < size && chars <= maxn_; ++chars) {
      h = fnv1a_step(h, w[j++]);
      while (j < size && continuation(w[j])) h = fnv1a_step(h, w[j++]);
      // A single character counts only inside the word, never the "<" or ">" alone.
      if (chars >= minn_ && !(chars == 1 && (i == 0 || j == size))) {
        int32_t row = row_of(h % static_cast<uint32_t>(bucket_));
        if (row >= 0) rows.push_back(row);
      }
    }
  }
}

uint32_t LanguageModel::token_hash(std::string_view token) {
  uint32_t h = kFnvStart;
  for (char c : token) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

int32_t LanguageModel::word_index(std::string_view token) const {
  const uint32_t h = token_hash(token);
  for (size_t at = h & slot_mask_;; at = (at + 1) & slot_mask_) {
    const Slot& slot = slots_[at];
    if (slot.word < 0) return -1;
    if (slot.hash == h && words_[static_cast<size_t>(slot.word)] == token) return slot.word;
  }
}

int32_t LanguageModel::row_of(uint32_t bucket) const {
  if (every_bucket_) return nwords_ + static_cast<int32_t>(bucket);
  const KeptWord& kept = kept_[bucket / 64];
  const uint64_t bit = uint64_t(1) << (bucket & 63);
  if (!(kept.bits & bit)) return -1;
  return nwords_ + kept.before + __builtin_popcountll(kept.bits & (bit - 1));
}

void LanguageModel::add_row(float* hidden, int32_t row) const {
  const float* r = &input_[static_cast<size_t>(row) * static_cast<size_t>(dim_)];
  for (int32_t j = 0; j < dim_; ++j) hidden[j] += r[j];
}

void LanguageModel::search(int k, float floor, int32_t node, float score, const float* hidden,
                           std::vector<std::pair<float, int32_t>>& heap) const {
  if (score < floor) return;
  if (static_cast<int>(heap.size()) == k && score < heap.front().first) return;
  const Node& here = tree_[static_cast<size_t>(node)];
  if (here.left == -1 && here.right == -1) {
    heap.emplace_back(score, node);
    std::push_heap(heap.begin(), heap.end(), better);
    if (static_cast<int>(heap.size()) > k) {
      std::pop_heap(heap.begin(), heap.end(), better);
      heap.pop_back();
    }
    return;
  }
  const float* row = &output_[static_cast<size_t>(node - static_cast<int32_t>(labels_.size())) *
                              static_cast<size_t>(dim_)];
  float dot = 0.0f;
  for (int32_t j = 0; j < dim_; ++j) {
    const float product = row[j] * hidden[j];
    dot += product;
  }
  const float e = std::exp(-dot);  // expf, as fastText's float overload calls
  const float p = static_cast<float>(1.0 / (1.0f + e));
  search(k, floor, here.left, score + floored_log(static_cast<float>(1.0 - p)), hidden, heap);
  search(k, floor, here.right, score + floored_log(p), hidden, heap);
}

void LanguageModel::predict(const std::string& utf8, int k, float threshold,
                            std::vector<std::pair<float, int32_t>>& out, Scratch& scratch) const {
  out.clear();
  if (k <= 0) return;
  std::vector<int32_t>& rows = scratch.rows;
  std::vector<float>& hidden = scratch.hidden;
  std::vector<std::pair<float, int32_t>>& heap = scratch.heap;
  rows.clear();
  const size_t size = utf8.size();
  size_t i = 0;
  while (i < size) {
    while (i < size && blank(utf8[i])) ++i;
    size_t start = i;
    while (i < size && !blank(utf8[i])) ++i;
    if (i == start) break;
    std::string_view token(utf8.data() + start, i - start);
    const int32_t found = word_index(token);
    if (found >= 0) {
      rows.insert(rows.end(), word_rows_.begin() + word_rows_start_[static_cast<size_t>(found)],
                  word_rows_.begin() + word_rows_start_[static_cast<size_t>(found) + 1]);
      if (token == "</s>") break;  // fastText's end of line: what follows is not read
    } else if (token.compare(0, sizeof(kLabelPrefix) - 1, kLabelPrefix) != 0) {
      add_subwords(token, rows, scratch.word);
    }
  }
  if (rows.empty()) return;
  hidden.assign(static_cast<size_t>(dim_), 0.0f);
  for (int32_t row : rows) add_row(hidden.data(), row);
  const float scale = static_cast<float>(1.0 / static_cast<double>(rows.size()));
  for (float& h : hidden) h *= scale;
  heap.clear();
  heap.reserve(static_cast<size_t>(k) + 1);
  search(k, floored_log(threshold), 2 * static_cast<int32_t>(labels_.size()) - 2, 0.0f, hidden.data(), heap);
  std::sort_heap(heap.begin(), heap.end(), better);
  for (const auto& [score, leaf] : heap) out.emplace_back(std::exp(score), leaf);
}

}  // namespace cleanprep
