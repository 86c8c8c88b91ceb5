// Case of every word of a document's letters (cleanprep/chrome/features.py `feature_matrix`;
// Python reference: cleanprep/reference.py `word_cases`).
#include "words.hpp"

#include "text.hpp"

namespace cleanprep {

void word_cases(PyObject* spaced, std::string& title, std::string& upper) {
  Text t(spaced);
  const Py_ssize_t n = t.size();
  Py_ssize_t i = 0;
  while (i < n) {
    while (i < n && t[i] == ' ') ++i;
    if (i == n) break;
    // str.istitle: an upper- or title-case letter only after an uncased one, a lower-case letter
    // only after a cased one, and at least one cased letter. str.isupper: no lower- or title-case
    // letter, and at least one upper-case one.
    bool is_title = true, title_cased = false, after_cased = false;
    bool is_upper = true, upper_cased = false;
    for (; i < n && t[i] != ' '; ++i) {
      Py_UCS4 c = t[i];
      bool up = Py_UNICODE_ISUPPER(c), tc = Py_UNICODE_ISTITLE(c), low = Py_UNICODE_ISLOWER(c);
      if (up || tc) {
        if (after_cased) is_title = false;
        after_cased = title_cased = true;
      } else if (low) {
        if (!after_cased) is_title = false;
        after_cased = title_cased = true;
      } else {
        after_cased = false;
      }
      if (low || tc) is_upper = false;
      else if (up) upper_cased = true;
    }
    title.push_back(static_cast<char>(is_title && title_cased));
    upper.push_back(static_cast<char>(is_upper && upper_cased));
  }
}

}  // namespace cleanprep
