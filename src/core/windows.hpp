// Means over windows of a document's lines (features._window_means_for), with numpy's arithmetic.
#pragma once

#include <cstddef>
#include <vector>

namespace cleanprep {

// values: n rows of `cols` doubles (row-major). For each k of ks (each at least 1), in order, n rows of
// `cols` means: the mean of the k rows before and the k after each row, the row itself left out.
// Returned one k after another. Every sum and quotient is the one numpy's cumsum, subtractions and
// division give, in the same order, so the doubles are the same to the last bit.
std::vector<double> window_means(const double* values, size_t n, size_t cols, const std::vector<int>& ks);

}  // namespace cleanprep
