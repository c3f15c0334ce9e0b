// Segmentation: sentences and tokens, each with byte offsets into the text.
//
//   Segmenter seg({.abbreviations = {"inc.", "mr.", "u.s."}});
//   Segmentation s = seg.Segment("Acme Inc. said revenue rose 4.2%.");
//   // tokens: Acme | Inc. | said | revenue | rose | 4.2 | % | .
//
// Tokens keep the original text (Token::text) and a normal form used for
// matching (Segmentation::norm): lower-cased, curly quotes and apostrophes
// straightened, en and em dashes (and "--") written "--". Possessive 's and ’s
// are tokens of their own ("'s"). Decimals (4.2, .125), thousands separators
// (1,300,000), hyphenated words (e-commerce), internal apostrophes (O'Brien),
// dotted abbreviations (U.S., N.V.), known abbreviations with their period
// (Inc., Jan.), currency prefixes (HK$, US$) and digit names (1688, 88VIP)
// stay one token each; a number glued to a word ("2.7million") is split.
//
// A sentence ends after . ! ? (and a closing quote right after them) when the
// next token does not start in lower case, at a line break unless the next
// line starts in lower case, after an abbreviation that may end a sentence
// when the next two tokens read like a new sentence, and after
// `max_sentence_tokens` tokens whatever the text says (which keeps the cost of
// matching per sentence bounded on inputs with no punctuation).
//
// Thread safety: a Segmenter is immutable; Segment() may be called from many
// threads at once.
#ifndef NEWSGRAPH_TEXT_H_
#define NEWSGRAPH_TEXT_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "newsgraph/types.h"

namespace newsgraph {

enum class TokenKind : uint8_t {
  kWord,    // starts with a letter
  kNumber,  // starts with a digit, or "." and a digit
  kSymbol,  // currency signs, %, &, ...
  kPunct,   // , . ; : ( ) < > ...
  kQuote,   // " “ ” ' ‘ ’ and the possessive 's
  kDash,    // – — -- and a lone -
};

struct Token {
  Span span;              // bytes of the original text
  uint32_t norm_begin = 0;  // the normal form: Segmentation::norm(token)
  uint32_t norm_size = 0;
  TokenKind kind = TokenKind::kWord;
  bool space_before = false;  // white space between this and the last token
  uint8_t newlines_before = 0;  // line breaks between this and the last token
};

struct Sentence {
  TokenRange tokens;
  Span span;  // from the first token's begin to the last token's end
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string norm_storage;

  std::string_view norm(const Token& t) const {
    return std::string_view(norm_storage).substr(t.norm_begin, t.norm_size);
  }
  std::string_view norm(uint32_t i) const { return norm(tokens[i]); }
};

class Segmenter {
 public:
  struct Options {
    // Lower-case abbreviations with their final period ("inc.", "mr.").
    std::vector<std::string> abbreviations;
    // The subset that may also end a sentence ("inc.", "ltd.").
    std::vector<std::string> sentence_final_abbreviations;
    uint32_t max_sentence_tokens = 200;
  };

  explicit Segmenter(Options options);
  Segmentation Segment(std::string_view text) const;

  // The words of a short phrase (a lexicon entry, a rule's literal): its
  // tokens' normal forms, or with `as_written` their text. The same as
  // Segment() gives, but a word of ASCII letters alone (most entries: names,
  // titles) is taken as its one token without segmenting, for start-up.
  std::vector<std::string> PhraseWords(std::string_view phrase, bool as_written) const;

 private:
  // Hashes std::string and std::string_view alike, so that a token's text
  // is looked up without building a string.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  using TextSet = std::unordered_set<std::string, TextHash, std::equal_to<>>;

  // Splits seg->tokens into seg->sentences.
  void FindSentences(std::string_view text, Segmentation* seg) const;
  // Whether `word` lower-cased, with a period after it, is an abbreviation.
  bool IsAbbreviationBeforePeriod(std::string_view word) const;
  TextSet abbreviations_;
  TextSet final_abbreviations_;
  // The longest entry of abbreviations_, in bytes: a longer ASCII word
  // needs no lookup.
  size_t longest_abbreviation_ = 0;
  // The entries of abbreviations_ of at most eight bytes that end in a
  // period (all from the rules), each packed into an integer, in an open
  // addressed table of a power of two slots (0: empty): a short word is
  // looked up without hashing a string.
  std::vector<uint64_t> short_abbreviations_;
  int short_abbreviation_shift_ = 64;
  // The last bytes of final_abbreviations_ (all '.' from the rules): a
  // token ending otherwise needs no lookup.
  std::bitset<256> final_last_bytes_;
  uint32_t max_sentence_tokens_;
};

// The text of a token.
inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.span.begin, t.span.size());
}

// "1 change", "3 changes": a count and an English noun that takes -s.
inline std::string Counted(size_t n, std::string_view noun) {
  std::string out = std::to_string(n);
  out += ' ';
  out += noun;
  if (n != 1) out += 's';
  return out;
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_H_
