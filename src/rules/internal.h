// Internals of the rule engine, shared by the files in src/rules/ only.
#ifndef NEWSGRAPH_SRC_RULES_INTERNAL_H_
#define NEWSGRAPH_SRC_RULES_INTERNAL_H_

#include <array>
#include <cassert>
#include <mutex>
#include <optional>
#include <span>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "newsgraph/rules.h"


namespace newsgraph {

// ---------------------------------------------------------------- atoms
// An atom is a test on one token. Static atoms depend on the token's text
// only; dynamic atoms on the lexicon hits and entities around it.
enum class AtomKind : uint8_t {
  kLower,      // normal form equals text (case-insensitive literal)
  kExact,      // text with quotes straightened equals text (exact literal)
  kRegex,      // RE2 full match of the token text
  kShape,      // token shape equals text
  kLexInside,  // token is inside a hit of lexicon `index`
  kLexBegin,   // token starts such a hit
  kLexLast,    // token ends such a hit
  kEntInside,  // token is inside an entity of type `index`
  kEntBegin,
  kEntLast,
  kAnyEntity,  // token is inside any entity
};

struct AtomKey {
  AtomKind kind;
  int index = -1;
  std::string text;
  bool operator<(const AtomKey& o) const {
    if (kind != o.kind) return kind < o.kind;
    if (index != o.index) return index < o.index;
    return text < o.text;
  }
};

// ------------------------------------------------------------------ AST
struct PatternNode {
  enum class Kind {
    kSeq, kAlt, kRepeat, kCapture, kToken, kEntity, kLexicon, kAny,
    kStart, kEnd, kMacro,
  };
  Kind kind;
  std::vector<std::unique_ptr<PatternNode>> children;
  int min = 1, max = 1;  // kRepeat; max -1 = unbounded
  std::string name;      // kCapture: capture name; kMacro: macro name;
                         // kEntity: type name; kLexicon: lexicon name
  int index = -1;        // resolved capture / type / lexicon index
  // kToken: a conjunction of tests on one token.
  struct Test {
    bool negated = false;
    AtomKind kind = AtomKind::kLower;
    std::string text;     // literal, regex, shape, or type/lexicon name
    int index = -1;       // resolved lexicon / entity type
    bool case_insensitive = false;  // regex /.../i
  };
  std::vector<Test> tests;
  int line = 0, column = 0;
  std::string file;
};

// A parse error inside a pattern or emit, with a position.
struct ParseError {
  int line = 0, column = 0;
  std::string message;
};

// Maps character offsets of a (possibly multi-line) property value back to
// the file positions it came from.
struct TextPosition {
  std::string text;
  std::vector<std::pair<int, int>> positions;  // per byte: line, column
  std::pair<int, int> At(size_t offset) const {
    if (positions.empty()) return {0, 0};
    if (offset >= positions.size()) return positions.back();
    return positions[offset];
  }
};

std::unique_ptr<PatternNode> ParsePattern(const TextPosition& src,
                                          const std::string& file,
                                          std::vector<ParseError>* errors);

// A rule as parsed, before compilation.
struct ParsedRule {
  Rule rule;
  TextPosition pattern_src;
  std::unique_ptr<PatternNode> pattern;
  std::vector<TextPosition> emit_srcs;
};

struct ParsedMacro {
  std::string name;
  SourceLocation where;
  std::unique_ptr<PatternNode> pattern;
};

// Parses a .rules file; appends rules and macros, reports errors.
void ParseRuleFile(const std::string& path, const std::string& content,
                   std::vector<ParsedRule>* rules,
                   std::vector<ParsedMacro>* macros, Diagnostics* diags);

// Parses one emit spec ("membership(member=p, status=\"current\")").
bool ParseEmit(const TextPosition& src, const std::string& file, Emit* out,
               std::vector<std::string>* capture_refs, Diagnostics* diags);

// Parses a .lex file.
bool ParseLexiconFile(const std::string& path, const std::string& content,
                      Lexicon* out, Diagnostics* diags);

// --------------------------------------------------------------- trie
// Token trie over lexicon entries: every lexicon shares it.
class PhraseTrie {
 public:
  // Inserts a phrase (token keys) that belongs to (lexicon, entry).
  void Insert(const std::vector<std::string>& keys, uint32_t lexicon,
              uint32_t entry);
  // The id of a token key that some phrase holds, or -1: a token whose key
  // no phrase holds ends every walk, and steps go by id, not by text.
  int Word(std::string_view key) const {
    auto it = words_.find(key);
    return it == words_.end() ? -1 : it->second;
  }
  // Child of `node` by the key with id `word` (-1 gives -1), or -1.
  int Child(int node, int word) const {
    if (word < 0) return -1;
    if (node == root()) return root_children_[word];  // most walks end here
    for (const auto& [w, child] : children_[node])     // few: a short scan
      if (w == word) return child;
    return -1;
  }
  struct Value {
    uint32_t lexicon, entry;
  };
  // The phrases that end at `node`, once frozen. A node's values sit with
  // its count in one small record (its one value inline, as nearly always):
  // a walk over every token of every document reads them without chasing a
  // pointer per node.
  std::span<const Value> Values(int node) const {
    assert(frozen_);
    const NodeValues& v = node_values_[node];
    if (v.count <= 1) return {&v.first, v.count};
    return {more_values_.data() + v.more, v.count};
  }
  // Once every phrase is in: lays the values out for Values() and lets the
  // lists Insert built go. No Insert may follow.
  void Freeze();
  int root() const { return 0; }
  PhraseTrie() : children_(1), values_(1) {}

 private:
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> words_;
  // The children of each node but the root: (word, child).
  std::vector<std::vector<std::pair<int, int>>> children_;
  std::vector<int> root_children_;  // by word: the root's child, or -1
  std::vector<std::vector<Value>> values_;  // by node, until Freeze()
  struct NodeValues {
    Value first;        // when count is 1
    uint32_t more = 0;  // when count is 2 or more: from more_values_[more]
    uint32_t count = 0;
  };
  bool frozen_ = false;
  std::vector<NodeValues> node_values_;
  std::vector<Value> more_values_;
};

// ------------------------------------------------------------ compiled
// A test on one token: all `pos` atoms hold and no `neg` atom does.
struct ElementTest {
  std::vector<int> pos, neg;  // sorted
  bool operator==(const ElementTest&) const = default;
};

// A rule's pattern as a program over the tokens of a sentence, run by the
// matcher (matcher.cc). Instructions go on to the next one unless they say
// otherwise.
struct Inst {
  enum class Op : uint8_t {
    kTest,   // the token passes test x (the rule's own id; y: the same test
             // as RuleSetImpl::tests index); go to the next token
    kAny,    // any token
    kSplit,  // go on at x, and failing that at y
    kJump,   // go on at x
    kSave,   // remember the position in slot x (2 per group: begin, end)
    kBegin,  // at the start of the sentence
    kEnd,    // at its end
    kMatch,
  };
  Op op;
  int32_t x = 0, y = 0;
};

// Walks the steps of `program` reachable from `from` without taking a
// token: on_token(pc) for each kTest and kAny reached, and true when kMatch
// is. `visit(pc)` is false for a step already walked (and marks it). kBegin
// holds when `at_start`, kEnd when `at_end`; a kEnd that does not hold sets
// *meets_end. `stack` is scratch space.
template <typename Visit, typename OnToken>
bool WalkEmptySteps(const std::vector<Inst>& program, int32_t from, bool at_start,
                    bool at_end, std::vector<int32_t>* stack, Visit&& visit,
                    OnToken&& on_token, bool* meets_end = nullptr) {
  bool matched = false;
  stack->clear();
  if (static_cast<size_t>(from) < program.size()) stack->push_back(from);
  while (!stack->empty()) {
    const int32_t pc = stack->back();
    stack->pop_back();
    if (!visit(pc)) continue;
    const Inst& in = program[pc];
    switch (in.op) {
      case Inst::Op::kTest:
      case Inst::Op::kAny: on_token(pc); break;
      case Inst::Op::kMatch: matched = true; break;
      case Inst::Op::kSplit:
        stack->push_back(in.y);
        stack->push_back(in.x);
        break;
      case Inst::Op::kJump: stack->push_back(in.x); break;
      case Inst::Op::kSave: stack->push_back(pc + 1); break;
      case Inst::Op::kBegin:
        if (at_start) stack->push_back(pc + 1);
        break;
      case Inst::Op::kEnd:
        if (at_end) {
          stack->push_back(pc + 1);
        } else if (meets_end) {
          *meets_end = true;
        }
        break;
    }
  }
  return matched;
}

struct CompiledRule {
  std::vector<ElementTest> tests;  // by local id
  std::vector<int> test_ids;       // local id -> RuleSetImpl::tests index
  std::vector<Inst> program;
  int groups = 0;                  // groups are numbered from 1
  std::vector<std::vector<int>> capture_groups;  // groups per capture
  std::vector<int> part_groups;     // group per part
  bool whole_capture = false;       // one capture, spanning the whole pattern
  std::vector<int> must_atoms;      // every match holds all of these
  // Every match holds these links in this order, each on a later token; a
  // link is held by a token that passes any of its alternatives, each a
  // test (the compiler makes them RuleSetImpl::tests indices; before, a
  // rule's own test, >= 0, or an atom, -1 - atom). A sentence without such
  // a chain cannot match, and the rule does not run on it.
  std::vector<std::vector<int>> chain;
  // The kTest and kAny instructions that a match's first token meets: [0]
  // when the match starts the sentence, [1] elsewhere.
  std::array<std::vector<int32_t>, 2> first;
  // For each kTest and kAny instruction pc, the ones the next token meets
  // once pc has taken its token: follow[follow_begin[pc], follow_begin[pc +
  // 1]), and whether the match is reached (kFollowMatch); or, when a kEnd is
  // on the way, nothing: the matcher works it out (kFollowWhenRun).
  static constexpr uint8_t kFollowMatch = 1, kFollowWhenRun = 2;
  std::vector<uint32_t> follow_begin;
  std::vector<int32_t> follow;
  std::vector<uint8_t> follow_flags;
  int min_tokens = 1;
};

// `regex` for folded tokens (FoldToken), read as Latin-1: each piece that
// can match a non-ASCII character (a property escape, a non-ASCII literal)
// found in or added to `pieces` and written as its ASCII characters and
// the folded bytes with its bit. Nothing when the regex
// cannot be rewritten so (case-insensitive, \C, a non-ASCII range end, more
// than seven pieces; see token_regex.cc), `pieces` then unchanged.
std::optional<std::string> FoldedRegex(std::string_view regex, std::vector<std::string>* pieces);

// `token` folded: ASCII as it is, each other character one byte, 0x80 with
// a bit set for each piece of `pieces` the character matches (bit 6 for
// piece 0, bit 0 for piece 6; `pieces` is a UTF-8 set of the pieces,
// anchored, or null for none). False when `token` is not UTF-8.
bool FoldToken(std::string_view token, const RE2::Set* pieces, std::string* out);

// The token regexes of a rule set, matched against whole tokens: one
// Latin-1 set compiled at load serves ASCII tokens and, folded, the others.
// The Unicode tables are compiled for the few pieces only, on the first
// non-ASCII token (1.5 ms against 9 ms for the regexes as a UTF-8 set); a
// regex that does not fold is matched, on non-ASCII tokens, as written in a
// UTF-8 set of its own, made then too.
class TokenRegexes {
 public:
  TokenRegexes();
  // Adds an anchored regex; its index, or -1 with RE2's reason in *error.
  int Add(const std::string& regex, std::string* error);
  // Compiles the Latin-1 set: false when it does not fit in memory.
  bool Compile();
  // Compiles the UTF-8 sets now (else on the first non-ASCII token): false
  // when RE2 refuses one (memory).
  bool Verify() const;
  // Appends the indices of the regexes that `token` matches, in no order.
  void Match(std::string_view token, std::vector<int>* out) const;

  size_t size() const { return folds_.size(); }
  bool folds(int index) const { return folds_[index]; }
  const std::vector<std::string>& pieces() const { return pieces_; }

 private:
  struct Lazy {
    std::unique_ptr<RE2::Set> pieces, residual;
    bool ok = true;
  };
  const Lazy& Utf8Sets() const;

  std::unique_ptr<RE2::Set> latin1_;
  std::vector<char> folds_;                            // index -> folds
  std::vector<std::string> pieces_;                    // index -> piece
  std::vector<std::pair<int, std::string>> residual_;  // regexes that do not fold
  mutable Lazy lazy_;
  std::unique_ptr<std::once_flag> lazy_once_ = std::make_unique<std::once_flag>();
};

class RuleSetImpl {
 public:
  RuleSetImpl();
  const uint64_t generation;  // unique per instance, for per-thread caches
  std::vector<Lexicon> lexicons;
  std::map<std::string, int> lexicon_index;
  // [lexicon]: a pattern names it (@name). Set by the compiler.
  std::vector<char> lexicon_named;
  std::vector<std::string> type_names;
  std::map<std::string, int> type_index;
  std::vector<Rule> rules;
  std::vector<CompiledRule> compiled;
  std::vector<int> entity_stages;
  // The distinct element tests of all rules: a sentence evaluates each once
  // however many rules share it.
  std::vector<ElementTest> tests;
  // The same, flat, for the matcher: test t needs the atoms
  // test_atoms[test_begin[t], test_begin[t] + test_pos[t]) and none of the
  // rest up to test_begin[t + 1].
  std::vector<uint32_t> test_begin, test_pos;
  std::vector<int> test_atoms;

  // Lexicon matching: one trie for case-insensitive lexicons (keys are
  // normal forms) and one for case-sensitive ones (keys keep case).
  PhraseTrie trie_lower, trie_cased;
  bool has_cased = false;

  // Atoms.
  std::map<AtomKey, int> atom_index;
  std::vector<AtomKey> atoms;
  using AtomsByText = std::unordered_map<std::string, std::vector<int>, StringHash, std::equal_to<>>;
  AtomsByText lower_atoms;  // by norm
  AtomsByText exact_atoms;  // by the text with straight quotes
  AtomsByText shape_atoms;
  // Token regexes, anchored at both ends (token_regex.cc); null when the
  // rules have none.
  std::unique_ptr<TokenRegexes> token_regexes;
  std::vector<int> regex_set_atoms;  // token_regexes index -> atom
  // Dynamic atom ids: [lexicon] and [entity type] -> {inside, begin, last}.
  std::vector<std::array<int, 3>> lex_atoms, ent_atoms;
  int any_entity_atom = -1;

  // Rule index: for each atom, the rules keyed by it; plus rules with no key.
  // Rule index, one per selection (RuleSelection): [0] the relation rules,
  // [1 + i] the entity rules of stage entity_stages[i]. Each rule is under
  // its most selective must-atom, or unkeyed.
  struct RuleIndex {
    std::vector<uint64_t> keys;               // bit set: atoms that key a rule
    std::vector<std::vector<int>> by_key;     // atom -> rules, ascending
    std::vector<int> unkeyed;
  };
  std::vector<RuleIndex> rule_index;
  // The index of a selection, or null when it has no rule.
  const RuleIndex* IndexOf(const RuleSelection& which) const;

  std::unique_ptr<Segmenter> segmenter;

  int Atom(AtomKind kind, int index, const std::string& text);
  // Words of a bit set over all atoms.
  size_t AtomWords() const { return (atoms.size() + 63) / 64; }
  // Static atoms of a token text (cached per thread by the caller).
  void StaticAtoms(std::string_view text, std::string_view norm,
                   std::vector<int>* out) const;
};

// Whether every byte of `text` is ASCII.
inline bool IsAscii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

// A regex that matches the same ASCII texts as `regex` (RE2 syntax, read as
// Latin-1), with each Unicode property escape (\p{Lu}, \pL, \P{N}) written
// as the ASCII characters it holds: quick for RE2 to parse where the
// property is not (token_regex.cc). `regex` itself when it has no property
// escape, or one this cannot rewrite without changing what RE2 would say
// of it (an unknown property, a property as a range's end, \Q...\E).
std::string AsciiOnlyRegex(std::string_view regex);



// Token shape: X for upper-case letters, x for lower, d for digits, other
// characters as they are; runs longer than four are cut to four.
std::string TokenShape(std::string_view text);

// Quotes straightened, case kept.
std::string StraightenQuotes(std::string_view text);

// The keys of a phrase's tokens, as the tries and literal atoms hold them:
// normal forms, or (`exact`) the texts with quotes straightened.
std::vector<std::string> PhraseKeys(const Segmenter& segmenter, std::string_view phrase,
                                    bool exact);

// Compiles every parsed rule into `impl` (atoms, programs, index).
void CompileRules(std::vector<ParsedRule>* parsed,
                  std::vector<ParsedMacro>* macros, RuleSetImpl* impl,
                  Diagnostics* diags);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_RULES_INTERNAL_H_
