// fastText's supervised language model (lid.176.ftz), read from its file and asked for its top-k
// labels, with the probabilities fastText's own predict gives to the last bit (see lid.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
  int32_t nsubq_ = 0, dsub_ = 0, lastdsub_ = 0;
  bool quantised_ = false, qnorm_ = false;
  std::vector<std::string> words_;             // the vocabulary's words (labels apart)
  std::vector<std::vector<int32_t>> subrows_;  // each word's rows: itself, then its n-grams
  // n-gram bucket -> row. A pruned model keeps a few of its buckets' rows (lid.176: 42,765 of
  // 2,000,000): a bit per bucket says which, and the kept rows are listed in bucket order, so a
  // bucket's row is found by counting the set bits before it. The table is 0.5 MB where an array
  // of every bucket's row would be 8 MB: it stays in cache between the model's calls.
  int32_t row_of(uint32_t bucket) const;
  bool every_bucket_ = false;                  // an unpruned model: bucket b is row nwords + b
  std::vector<uint64_t> kept_bits_;            // bit b: bucket b kept a row
  std::vector<int32_t> kept_before_;           // set bits in the words before each word of kept_bits_
  std::vector<int32_t> kept_rows_;             // the kept buckets' rows, in bucket order
  std::vector<uint8_t> codes_, norm_codes_;
  std::vector<float> input_, centroids_, norm_centroids_, output_;
  std::vector<std::string> labels_;
  std::vector<Node> tree_;
  std::unordered_map<std::string_view, int32_t> index_;  // word -> its index (views into words_)
};

}  // namespace cleanprep
