// fastText's supervised language model (lid.176.ftz), read from its file and asked for its top-k
// labels, with the probabilities fastText's own predict gives to the last bit (see lid.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cleanprep {

class LanguageModel {
 public:
  // Reads a model file's bytes; throws std::invalid_argument for a file of another kind or layout
  // (the caller falls back to the fasttext module, which reads them all).
  explicit LanguageModel(const std::string& file);

  // Buffers one caller reuses from text to text: most texts are short, and allocating these anew
  // for each cost more than filling them. One per thread.
  struct Scratch {
    std::vector<int32_t> rows;
    std::vector<float> hidden;
    std::vector<std::pair<float, int32_t>> heap;
    std::string word;
  };

  // The k most probable labels of one line of UTF-8 text, best first: (probability, label index).
  // No words (an empty or blank text): no labels, as fastText gives none.
  void predict(const std::string& utf8, int k, float threshold,
               std::vector<std::pair<float, int32_t>>& out, Scratch& scratch) const;

  const std::vector<std::string>& labels() const { return labels_; }

 private:
  struct Node {
    int32_t left = -1, right = -1;
    int64_t count = 0;
  };

  void add_subwords(std::string_view word, std::vector<int32_t>& rows, std::string& w) const;
  void add_row(float* hidden, int32_t row) const;
  void search(int k, float floor, int32_t node, float score, const float* hidden,
              std::vector<std::pair<float, int32_t>>& heap) const;

  int32_t dim_ = 0, minn_ = 0, maxn_ = 0, nwords_ = 0, bucket_ = 0;
  std::vector<std::string> words_;             // the vocabulary's words (labels apart)
  // Each word's rows (itself, then its n-grams): word i's are word_rows_[start[i] .. start[i + 1]).
  std::vector<int32_t> word_rows_, word_rows_start_;
  // n-gram bucket -> row. A pruned model keeps a few of its buckets' rows (lid.176: 42,765 of
  // 2,000,000): a bit per bucket says which, and the kept rows are laid out in bucket order after
  // the words' rows, so a bucket's row is found by counting the set bits before it. Each 64 buckets'
  // bits sit beside the count of kept buckets before them (one memory access); the table is 0.5 MB
  // where an array of every bucket's row would be 8 MB: it stays in cache between the model's calls.
  int32_t row_of(uint32_t bucket) const;
  bool every_bucket_ = false;  // an unpruned model: bucket b is row nwords + b
  struct KeptWord {
    uint64_t bits;   // bit j: bucket 64 * i + j kept a row
    int32_t before;  // kept buckets before bucket 64 * i
  };
  std::vector<KeptWord> kept_;
  // The input rows as floats (a quantised file's dequantised at load; see lid.cpp), and the output.
  std::vector<float> input_, output_;
  std::vector<std::string> labels_;
  std::vector<Node> tree_;
  // The vocabulary's index: open addressing over FNV-1a hashes of the words' bytes.
  struct Slot {
    uint32_t hash;
    int32_t word;  // -1: an empty slot
  };
  static uint32_t token_hash(std::string_view token);
  int32_t word_index(std::string_view token) const;  // -1: not a word of the vocabulary
  std::vector<Slot> slots_;
  size_t slot_mask_ = 0;
};

}  // namespace cleanprep
