// The running sum features._window_means_for builds with numpy, and the means read from it:
//   padded = zeros(big) + values + zeros(big)  (big: the largest k), per column;
//   csum   = [0] + cumsum(padded)              (cumsum: out[0] = a[0], out[r] = out[r - 1] + a[r]);
//   mean   = ((csum[big + k + 1 + i] - csum[big - k + i]) - values[i]) / max(count, 1),
//   count  = min(i, k) + min(n - 1 - i, k).
// Doubles added, subtracted and divided in that order give numpy's doubles exactly.
#include "windows.hpp"

#include <algorithm>
#include <stdexcept>

namespace cleanprep {

std::vector<double> window_means(const double* values, size_t n, size_t cols, const std::vector<int>& ks) {
  if (ks.empty()) return {};
  int largest = 0;
  for (int k : ks) {
    if (k < 1) throw std::invalid_argument("window sizes must be at least 1");
    largest = std::max(largest, k);
  }
  const size_t big = static_cast<size_t>(largest);
  const size_t rows = n + 2 * big;
  auto padded = [&](size_t r, size_t j) { return r >= big && r < big + n ? values[(r - big) * cols + j] : 0.0; };
  std::vector<double> csum((rows + 1) * cols, 0.0);
  for (size_t j = 0; j < cols && rows > 0; ++j) csum[cols + j] = padded(0, j);
  for (size_t r = 1; r < rows; ++r) {
    for (size_t j = 0; j < cols; ++j) csum[(r + 1) * cols + j] = csum[r * cols + j] + padded(r, j);
  }
  std::vector<double> out(ks.size() * n * cols);
  for (size_t q = 0; q < ks.size(); ++q) {
    const size_t k = static_cast<size_t>(ks[q]);
    double* o = &out[q * n * cols];
    for (size_t i = 0; i < n; ++i) {
      const size_t count = std::min(i, k) + std::min(n - 1 - i, k);
      const double divisor = static_cast<double>(std::max<size_t>(count, 1));
      const double* hi = &csum[(big + k + 1 + i) * cols];
      const double* lo = &csum[(big - k + i) * cols];
      for (size_t j = 0; j < cols; ++j) o[i * cols + j] = ((hi[j] - lo[j]) - values[i * cols + j]) / divisor;
    }
  }
  return out;
}

}  // namespace cleanprep
