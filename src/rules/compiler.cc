// Compiles parsed rules to programs over tokens.
//
// Each distinct token test of a rule (a conjunction of atoms that must hold
// and atoms that must not: `[/\p{Lu}.*/ !"The"]`, or one step of a whole
// entity such as "first token of a PERSON that goes on") gets a local id,
// and the pattern becomes a program of Inst (internal.h): tests that take
// one token, splits and jumps, and saves of group boundaries. A whole entity
// of type T is
//   (?: [I B L] | [I B !L] [I !B !L]* [I L !B] )
// over tests on its atoms (inside, begin, last). The program is an NFA in
// the style of Thompson and Pike; matcher.cc runs it with the semantics of
// RE2 in longest-match mode (leftmost-longest matches, each group from the
// first path in priority order), which is what these rules were written
// against when they ran as RE2 regexes over token records.
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "rules/internal.h"

namespace newsgraph {
namespace {

using Node = PatternNode;
using Program = std::vector<Inst>;

// Programs longer than this are refused (nested counted repetitions can
// multiply a pattern's size).
constexpr size_t kMaxProgram = 100000;

struct Shape {
  std::set<int> must;
  int min_tokens = 0;
  // What every match holds in this order, each link on a later token than
  // the one before. A link is a set of alternatives, each a test (its local
  // id, >= 0) or an atom (-1 - atom).
  std::vector<std::vector<int>> chain;
};

class RuleCompiler {
 public:
  RuleCompiler(RuleSetImpl* impl, Diagnostics* diags)
      : impl_(impl), diags_(diags) {}

  // Appends the program of `node` to `out`; returns its shape. Its
  // instructions go on to out->size() at the end, and jump targets are
  // absolute (Append relocates a fragment built on its own). Captures are
  // recorded in capture_names_ in order of appearance.
  Shape Build(const Node& n, Program* out) {
    switch (n.kind) {
      case Node::Kind::kSeq: {
        Shape s;
        for (const auto& c : n.children) {
          Shape cs = Build(*c, out);
          s.must.insert(cs.must.begin(), cs.must.end());
          s.min_tokens += cs.min_tokens;
          s.chain.insert(s.chain.end(), cs.chain.begin(), cs.chain.end());
        }
        return s;
      }
      case Node::Kind::kAlt: {
        Shape s;
        std::vector<size_t> jumps;  // from the end of each branch to the end
        for (size_t i = 0; i < n.children.size(); ++i) {
          const bool last = i + 1 == n.children.size();
          size_t split = out->size();
          if (!last) out->push_back({Inst::Op::kSplit, Here(out) + 1, 0});
          Shape cs = Build(*n.children[i], out);
          if (!last) {
            jumps.push_back(out->size());
            out->push_back({Inst::Op::kJump, 0, 0});
            (*out)[split].y = Here(out);
          }
          if (i == 0) {
            s = cs;
          } else {
            std::set<int> both;
            std::set_intersection(s.must.begin(), s.must.end(),
                                  cs.must.begin(), cs.must.end(),
                                  std::inserter(both, both.begin()));
            s.must = std::move(both);
            s.min_tokens = std::min(s.min_tokens, cs.min_tokens);
            if (cs.chain.empty() || s.chain.empty()) {
              s.chain.clear();
            } else if (cs.chain != s.chain) {
              // One of the branches matched: a token holds one of their
              // first links, and what follows comes after it.
              std::vector<int> any = s.chain[0];
              for (int x : cs.chain[0])
                if (std::find(any.begin(), any.end(), x) == any.end()) any.push_back(x);
              s.chain = {any};
            }
          }
        }
        for (size_t j : jumps) (*out)[j].x = Here(out);
        return s;
      }
      case Node::Kind::kRepeat: {
        Program body;
        Shape cs = Build(*n.children[0], &body);
        Repeat(body, n.min, n.max, cs.min_tokens == 0, out);
        if (n.min == 0) cs.must.clear(), cs.chain.clear();
        cs.min_tokens *= n.min;
        return cs;
      }
      case Node::Kind::kCapture: {
        // A name may recur (in alternatives): each use is its own group,
        // and the one that took part in the match gives the capture.
        auto it = std::find(capture_names_.begin(), capture_names_.end(), n.name);
        int index = static_cast<int>(it - capture_names_.begin());
        if (it == capture_names_.end()) {
          capture_names_.push_back(n.name);
          capture_groups_.emplace_back();
        }
        const int group = NewGroup();
        capture_groups_[index].push_back(group);
        out->push_back({Inst::Op::kSave, 2 * group, 0});
        Shape s = Build(*n.children[0], out);
        out->push_back({Inst::Op::kSave, 2 * group + 1, 0});
        return s;
      }
      case Node::Kind::kToken:
        return BuildToken(n, out);
      case Node::Kind::kEntity: {
        int type = ResolveType(n, n.name);
        if (type < 0) return {{}, 1, {}};
        AppendWhole(impl_->ent_atoms[type], out);
        return {{impl_->ent_atoms[type][0]}, 1, {{-1 - impl_->ent_atoms[type][0]}}};
      }
      case Node::Kind::kLexicon: {
        int lex = ResolveLexicon(n, n.name);
        if (lex < 0) return {{}, 1, {}};
        AppendWhole(impl_->lex_atoms[lex], out);
        return {{impl_->lex_atoms[lex][0]}, 1, {{-1 - impl_->lex_atoms[lex][0]}}};
      }
      case Node::Kind::kAny:
        out->push_back({Inst::Op::kAny, 0, 0});
        return {{}, 1, {}};
      case Node::Kind::kStart:
        out->push_back({Inst::Op::kBegin, 0, 0});
        return {};
      case Node::Kind::kEnd:
        out->push_back({Inst::Op::kEnd, 0, 0});
        return {};
      case Node::Kind::kMacro:
        Error(n, "internal: unexpanded macro " + n.name);
        return {};
    }
    return {};
  }

  int NewGroup() { return ++groups_; }
  int groups() const { return groups_; }
  bool too_large() const { return too_large_; }
  const std::vector<std::vector<int>>& capture_groups() const { return capture_groups_; }
  const std::vector<std::string>& capture_names() const {
    return capture_names_;
  }
  std::vector<ElementTest>& tests() { return tests_; }

 private:
  void Error(const Node& n, const std::string& msg) {
    diags_->Error(n.file, n.line, n.column, msg);
  }

  int ResolveType(const Node& n, const std::string& name) {
    auto it = impl_->type_index.find(name);
    if (it == impl_->type_index.end()) {
      Error(n, "unknown entity type '" + name +
                   "' (no lexicon or entity rule produces it)");
      return -1;
    }
    return it->second;
  }
  int ResolveLexicon(const Node& n, const std::string& name) {
    auto it = impl_->lexicon_index.find(name);
    if (it == impl_->lexicon_index.end()) {
      Error(n, "unknown lexicon '@" + name + "' (no file " + name + ".lex)");
      return -1;
    }
    impl_->lexicon_named[it->second] = 1;
    return it->second;
  }

  static int32_t Here(const Program* p) { return static_cast<int32_t>(p->size()); }

  // Appends `frag` (built on its own, so its targets start at 0).
  static void Append(const Program& frag, Program* out) {
    const int32_t at = Here(out);
    for (Inst i : frag) {
      if (i.op == Inst::Op::kSplit || i.op == Inst::Op::kJump) i.x += at;
      if (i.op == Inst::Op::kSplit) i.y += at;
      out->push_back(i);
    }
  }

  // x{min,max} (max -1: unbounded), greedy, expanded as RE2 expands it:
  // x{2,} is x x+, x{2,4} is x x (x (x)?)?; every copy has the same groups.
  // A loop over a body that can match no token is (x+)? rather than x*, as
  // in RE2, so that priorities stay those of a backtracking matcher.
  void Repeat(const Program& body, int min, int max, bool nullable,
              Program* out) {
    const size_t copies = static_cast<size_t>(std::max({min, max, 1}));
    if (too_large_ || out->size() + (body.size() + 2) * copies > kMaxProgram) {
      too_large_ = true;  // reported by the caller; the program is dropped
      return;
    }
    auto plus = [&] {
      const int32_t loop = Here(out);
      Append(body, out);
      out->push_back({Inst::Op::kSplit, loop, Here(out) + 1});
    };
    if (max == -1) {
      if (min == 0 && !nullable) {
        const int32_t loop = Here(out);
        out->push_back({Inst::Op::kSplit, loop + 1, 0});
        Append(body, out);
        out->push_back({Inst::Op::kJump, loop, 0});
        (*out)[loop].y = Here(out);
        return;
      }
      if (min == 0) {  // (x+)?
        const int32_t split = Here(out);
        out->push_back({Inst::Op::kSplit, split + 1, 0});
        plus();
        (*out)[split].y = Here(out);
        return;
      }
      for (int i = 0; i + 1 < min; ++i) Append(body, out);
      plus();
      return;
    }
    for (int i = 0; i < min; ++i) Append(body, out);
    std::vector<int32_t> skips;  // (x (x (x)?)?)?: each skip goes to the end
    for (int i = min; i < max; ++i) {
      skips.push_back(Here(out));
      out->push_back({Inst::Op::kSplit, Here(out) + 1, 0});
      Append(body, out);
    }
    for (int32_t k : skips) (*out)[k].y = Here(out);
  }

  // One token passing the test (pos, neg), registering the test as one of
  // this rule's. Returns the test's local id.
  int AppendToken(const std::vector<int>& pos, const std::vector<int>& neg,
                  Program* out) {
    ElementTest t{pos, neg};
    auto it = std::find(tests_.begin(), tests_.end(), t);
    int id = static_cast<int>(it - tests_.begin());
    if (it == tests_.end()) tests_.push_back(std::move(t));
    out->push_back({Inst::Op::kTest, id, 0});
    return id;
  }

  // A whole lexicon hit or entity, from atoms {inside, begin, last}:
  // [I B L] | [I B !L] [I !B !L]* [I L !B].
  void AppendWhole(const std::array<int, 3>& a, Program* out) {
    const int in = a[0], b = a[1], l = a[2];
    const int32_t split = Here(out);
    out->push_back({Inst::Op::kSplit, split + 1, 0});
    AppendToken({in, b, l}, {}, out);
    const int32_t jump = Here(out);
    out->push_back({Inst::Op::kJump, 0, 0});
    (*out)[split].y = Here(out);
    AppendToken({in, b}, {l}, out);
    Program middle;
    AppendToken({in}, {b, l}, &middle);
    Repeat(middle, 0, -1, false, out);
    AppendToken({in, l}, {b}, out);
    (*out)[jump].x = Here(out);
  }

  Shape BuildToken(const Node& n, Program* out) {
    // A lone multi-token literal expands into a sequence of tokens.
    if (n.tests.size() == 1 && !n.tests[0].negated &&
        (n.tests[0].kind == AtomKind::kLower ||
         n.tests[0].kind == AtomKind::kExact)) {
      std::vector<std::string> keys = LiteralKeys(n.tests[0]);
      if (keys.empty()) {
        Error(n, "literal has no token");
        return {{}, 1, {}};
      }
      Shape s;
      for (const auto& k : keys) {
        int a = impl_->Atom(n.tests[0].kind, -1, k);
        s.chain.push_back({AppendToken({a}, {}, out)});
        s.must.insert(a);
        s.min_tokens += 1;
      }
      return s;
    }
    std::set<int> pos, neg;
    for (const auto& t : n.tests) {
      std::vector<int> atoms;
      switch (t.kind) {
        case AtomKind::kLower:
        case AtomKind::kExact: {
          auto keys = LiteralKeys(t);
          if (keys.size() != 1) {
            Error(n, "\"" + t.text + "\" is " + std::to_string(keys.size()) +
                         " tokens; inside [ ] or after ! a literal must be "
                         "one token");
            continue;
          }
          atoms.push_back(impl_->Atom(t.kind, -1, keys[0]));
          break;
        }
        case AtomKind::kRegex: {
          std::string anchored = (t.case_insensitive ? "(?i)" : "") + t.text;
          // Checked once per distinct regex, as it joins the token-regex
          // set (token_regex.cc).
          if (!impl_->atom_index.count({AtomKind::kRegex, -1, anchored})) {
            if (!impl_->token_regexes) impl_->token_regexes = std::make_unique<TokenRegexes>();
            std::string err;
            if (impl_->token_regexes->Add(anchored, &err) < 0) {
              Error(n, "bad regex /" + t.text + "/: " + err);
              continue;
            }
          }
          atoms.push_back(impl_->Atom(AtomKind::kRegex, -1, anchored));
          break;
        }
        case AtomKind::kShape:
          atoms.push_back(impl_->Atom(AtomKind::kShape, -1, t.text));
          break;
        case AtomKind::kLexInside: {
          int lex = ResolveLexicon(n, t.text);
          if (lex < 0) continue;
          atoms.push_back(impl_->lex_atoms[lex][0]);
          break;
        }
        case AtomKind::kEntInside: {
          if (t.text == "ENTITY") {
            atoms.push_back(impl_->any_entity_atom);
            break;
          }
          int type = ResolveType(n, t.text);
          if (type < 0) continue;
          atoms.push_back(impl_->ent_atoms[type][0]);
          break;
        }
        default:
          break;
      }
      for (int a : atoms) (t.negated ? neg : pos).insert(a);
    }
    for (int a : pos) {
      if (neg.count(a)) Error(n, "a token test both requires and forbids the same thing");
    }
    int id = AppendToken(std::vector<int>(pos.begin(), pos.end()),
                         std::vector<int>(neg.begin(), neg.end()), out);
    return {pos, 1, {{id}}};
  }

  std::vector<std::string> LiteralKeys(const Node::Test& t) {
    return PhraseKeys(*impl_->segmenter, t.text, t.kind != AtomKind::kLower);
  }

  RuleSetImpl* impl_;
  Diagnostics* diags_;
  std::vector<std::string> capture_names_;
  std::vector<std::vector<int>> capture_groups_;
  std::vector<ElementTest> tests_;
  int groups_ = 0;
  bool too_large_ = false;
};

// The kTest and kAny instructions reachable from `from` before a token is
// taken, whether the match is, and whether a kEnd is on the way (its paths
// are not followed: it holds only after the sentence's last token). kBegin
// holds only at the start of the sentence.
struct Steps {
  std::vector<int32_t> tests;
  bool match = false, meets_end = false;
};
// Walks a program's empty steps from one instruction after another, with
// the visited marks and the stack kept from walk to walk: Precompute walks
// from every token-taking instruction, thousands of walks a rule set. A
// walker serves one program, at most its size plus two walks, so the
// generation stamp never wraps.
class StepWalker {
 public:
  explicit StepWalker(const Program& program) : program_(program), seen_(program.size(), 0) {}

  // Into *out (its tests cleared first).
  void From(int32_t from, bool sentence_start, Steps* out) {
    out->tests.clear();
    out->meets_end = false;
    ++generation_;
    out->match = WalkEmptySteps(
        program_, from, sentence_start, false, &stack_,
        [&](int32_t pc) { return std::exchange(seen_[pc], generation_) != generation_; },
        [&](int32_t pc) { out->tests.push_back(pc); }, &out->meets_end);
  }

 private:
  const Program& program_;
  std::vector<uint32_t> seen_;
  uint32_t generation_ = 0;
  std::vector<int32_t> stack_;
};

// CompiledRule::first and follow lists of a compiled program.
void Precompute(CompiledRule* cr) {
  const Program& program = cr->program;
  StepWalker walker(program);
  Steps s;
  // A match starts on a token, never at the end, and takes at least one.
  for (int at = 0; at < 2; ++at) {
    walker.From(0, at == 0, &s);
    cr->first[at] = s.tests;
  }
  cr->follow_begin.assign(program.size() + 1, 0);
  cr->follow.clear();
  cr->follow_flags.assign(program.size(), 0);
  constexpr size_t kMaxFollow = 1 << 16;  // beyond, every step is worked out when run
  for (size_t pc = 0; pc < program.size(); ++pc) {
    cr->follow_begin[pc] = static_cast<uint32_t>(cr->follow.size());
    const Inst::Op op = program[pc].op;
    if (op != Inst::Op::kTest && op != Inst::Op::kAny) continue;
    walker.From(static_cast<int32_t>(pc + 1), false, &s);
    if (s.meets_end || cr->follow.size() + s.tests.size() > kMaxFollow) {
      cr->follow_flags[pc] = CompiledRule::kFollowWhenRun;
      continue;
    }
    cr->follow.insert(cr->follow.end(), s.tests.begin(), s.tests.end());
    if (s.match) cr->follow_flags[pc] = CompiledRule::kFollowMatch;
  }
  cr->follow_begin[program.size()] = static_cast<uint32_t>(cr->follow.size());
}

// Replaces macro references with copies of their definitions.
std::unique_ptr<Node> Clone(const Node& n) {
  auto c = std::make_unique<Node>();
  c->kind = n.kind;
  c->min = n.min;
  c->max = n.max;
  c->name = n.name;
  c->index = n.index;
  c->tests = n.tests;
  c->line = n.line;
  c->column = n.column;
  c->file = n.file;
  for (const auto& ch : n.children) c->children.push_back(Clone(*ch));
  return c;
}

bool ExpandMacros(std::unique_ptr<Node>* node,
                  const std::map<std::string, const ParsedMacro*>& macros,
                  std::vector<std::string>* stack, Diagnostics* diags) {
  Node& n = **node;
  if (n.kind == Node::Kind::kMacro) {
    auto it = macros.find(n.name);
    if (it == macros.end() || !it->second->pattern) {
      if (it == macros.end())
        diags->Error(n.file, n.line, n.column,
                     "unknown macro '" + n.name + "' (define it in this file)");
      return false;
    }
    if (std::find(stack->begin(), stack->end(), n.name) != stack->end()) {
      std::string cycle;
      for (const auto& s : *stack) cycle += s + " -> ";
      diags->Error(n.file, n.line, n.column,
                   "macro cycle: " + cycle + n.name);
      return false;
    }
    stack->push_back(n.name);
    auto copy = Clone(*it->second->pattern);
    bool ok = ExpandMacros(&copy, macros, stack, diags);
    stack->pop_back();
    *node = std::move(copy);
    return ok;
  }
  bool ok = true;
  for (auto& c : n.children) ok = ExpandMacros(&c, macros, stack, diags) && ok;
  return ok;
}

// ------------------------------------------------------------ emit checks
struct ArgSpec {
  const char* name;
  bool required;
  std::vector<std::string> allowed;  // literal values allowed; empty = any
};

const std::vector<ArgSpec>* FamilyArgs(Family f) {
  static const std::vector<ArgSpec> kMembership = {
      {"member", true, {}},       {"role", true, {}},
      {"organization", false, {}}, {"roleName", false, {}},
      {"status", false, {"current", "appointed", "former", "departing", "acting"}},
      {"start", false, {}},       {"end", false, {}},
      {"reportsTo", false, {}}};
  static const std::vector<ArgSpec> kChange = {
      {"original", true, {}},
      {"resulting", true, {}},
      {"type", true, {"merger", "acquisition", "integration", "restructuring", "spin-off"}},
      {"status", false, {"completed", "agreed", "proposed", "terminated", "pending"}},
      {"date", false, {}},
      {"value", false, {}}};
  static const std::vector<ArgSpec> kObservation = {
      {"metric", true, {}},  {"value", true, {}},
      {"kind", true, {"level", "change", "relative-change"}},
      {"about", false, {}},  {"sign", false, {"+", "-"}},
      {"unit", false, {}},   {"period", false, {}},
      {"date", false, {}}};
  static const std::vector<ArgSpec> kReports = {{"member", true, {}},
                                                {"boss", true, {}}};
  static const std::vector<ArgSpec> kSub = {{"child", true, {}},
                                            {"parent", true, {}}};
  static const std::vector<ArgSpec> kSuccession = {{"successor", true, {}},
                                                   {"predecessor", true, {}}};
  static const std::vector<ArgSpec> kDateline = {{"place", false, {}},
                                                 {"date", true, {}}};
  switch (f) {
    case Family::kMembership: return &kMembership;
    case Family::kChange: return &kChange;
    case Family::kObservation: return &kObservation;
    case Family::kReports: return &kReports;
    case Family::kSubOrganization: return &kSub;
    case Family::kSuccession: return &kSuccession;
    case Family::kDateline: return &kDateline;
    case Family::kEntity: return nullptr;
  }
  return nullptr;
}

bool FamilyFromName(const std::string& s, Family* f) {
  for (Family c : {Family::kMembership, Family::kChange, Family::kObservation,
                   Family::kReports, Family::kSubOrganization,
                   Family::kSuccession, Family::kDateline}) {
    if (FamilyName(c) == s) {
      *f = c;
      return true;
    }
  }
  return false;
}

bool IsUpperName(const std::string& s) {
  return !s.empty() && s[0] >= 'A' && s[0] <= 'Z';
}

}  // namespace

std::string_view FamilyName(Family f) {
  switch (f) {
    case Family::kEntity: return "entity";
    case Family::kMembership: return "membership";
    case Family::kChange: return "change";
    case Family::kObservation: return "observation";
    case Family::kReports: return "reports";
    case Family::kSubOrganization: return "suborganization";
    case Family::kSuccession: return "succession";
    case Family::kDateline: return "dateline";
  }
  return "?";
}

int RuleSetImpl::Atom(AtomKind kind, int index, const std::string& text) {
  AtomKey key{kind, index, text};
  auto it = atom_index.find(key);
  if (it != atom_index.end()) return it->second;
  int id = static_cast<int>(atoms.size());
  atoms.push_back(key);
  atom_index.emplace(key, id);
  switch (kind) {
    case AtomKind::kLower: lower_atoms[text].push_back(id); break;
    case AtomKind::kExact: exact_atoms[text].push_back(id); break;
    case AtomKind::kShape: shape_atoms[text].push_back(id); break;
    case AtomKind::kRegex: regex_set_atoms.push_back(id); break;
    default: break;
  }
  return id;
}

void CompileRules(std::vector<ParsedRule>* parsed,
                  std::vector<ParsedMacro>* macros, RuleSetImpl* impl,
                  Diagnostics* diags) {
  // Entity types produced by entity rules.
  for (auto& pr : *parsed) {
    if (pr.rule.family != Family::kEntity) continue;
    for (auto& src : pr.emit_srcs) {
      Emit e;
      std::vector<std::string> refs;
      Diagnostics quiet;  // reported below, when emits are parsed for real
      if (ParseEmit(src, pr.rule.where.file, &e, &refs, &quiet) &&
          IsUpperName(e.kind) && !impl->type_index.count(e.kind)) {
        impl->type_index[e.kind] = static_cast<int>(impl->type_names.size());
        impl->type_names.push_back(e.kind);
      }
    }
  }
  // Dynamic atoms, allocated inside < begin < last for each group.
  for (size_t t = 0; t < impl->type_names.size(); ++t) {
    int in = impl->Atom(AtomKind::kEntInside, static_cast<int>(t), "");
    int b = impl->Atom(AtomKind::kEntBegin, static_cast<int>(t), "");
    int l = impl->Atom(AtomKind::kEntLast, static_cast<int>(t), "");
    impl->ent_atoms.push_back({in, b, l});
  }
  impl->lexicon_named.assign(impl->lexicons.size(), 0);
  for (size_t x = 0; x < impl->lexicons.size(); ++x) {
    int in = impl->Atom(AtomKind::kLexInside, static_cast<int>(x), "");
    int b = impl->Atom(AtomKind::kLexBegin, static_cast<int>(x), "");
    int l = impl->Atom(AtomKind::kLexLast, static_cast<int>(x), "");
    impl->lex_atoms.push_back({in, b, l});
  }
  impl->any_entity_atom = impl->Atom(AtomKind::kAnyEntity, -1, "");

  // Macros belong to the file that defines them.
  std::map<std::string, std::map<std::string, const ParsedMacro*>> macro_maps;
  for (const auto& m : *macros) {
    auto& map = macro_maps[m.where.file];
    if (map.count(m.name)) {
      diags->Error(m.where.file, m.where.line, m.where.column,
                   "macro '" + m.name + "' is defined twice in this file");
    }
    map[m.name] = &m;
  }

  std::map<std::string, SourceLocation> ids;
  for (auto& pr : *parsed) {
    Rule& r = pr.rule;
    if (auto it = ids.find(r.id); it != ids.end()) {
      diags->Error(r.where.file, r.where.line, 6,
                   "duplicate rule id '" + r.id + "' (first defined at " +
                       it->second.file + ":" +
                       std::to_string(it->second.line) + ")");
    } else {
      ids[r.id] = r.where;
    }
    CompiledRule cr;
    bool pattern_ok = false;  // parsed and expanded: captures are known
    if (pr.pattern) {
      std::vector<std::string> stack;
      if (ExpandMacros(&pr.pattern, macro_maps[r.where.file], &stack, diags)) {
        pattern_ok = true;
        RuleCompiler rc(impl, diags);
        // Each top-level part of a sequence is a group, for --explain.
        std::vector<const Node*> parts;
        if (pr.pattern->kind == Node::Kind::kSeq) {
          for (auto& c : pr.pattern->children) parts.push_back(c.get());
        } else {
          parts.push_back(pr.pattern.get());
        }
        Shape shape;
        for (size_t i = 0; i < parts.size(); ++i) {
          const int group = rc.NewGroup();
          cr.part_groups.push_back(group);
          cr.program.push_back({Inst::Op::kSave, 2 * group, 0});
          Shape s = rc.Build(*parts[i], &cr.program);
          cr.program.push_back({Inst::Op::kSave, 2 * group + 1, 0});
          shape.must.insert(s.must.begin(), s.must.end());
          shape.min_tokens += s.min_tokens;
          shape.chain.insert(shape.chain.end(), s.chain.begin(), s.chain.end());
          // Label: the source text of the part.
          r.part_labels.push_back("part " + std::to_string(i + 1));
        }
        cr.program.push_back({Inst::Op::kMatch, 0, 0});
        cr.groups = rc.groups();
        r.captures = rc.capture_names();
        cr.capture_groups = rc.capture_groups();
        cr.tests = std::move(rc.tests());
        if (rc.too_large() || cr.program.size() > kMaxProgram) {
          diags->Error(r.where.file, pr.pattern->line, pr.pattern->column,
                       "pattern is too large once its repetitions are expanded "
                       "(more than " + std::to_string(kMaxProgram) + " steps)");
          cr.program.clear();
        }
        Precompute(&cr);
        cr.min_tokens = shape.min_tokens;
        cr.must_atoms.assign(shape.must.begin(), shape.must.end());
        cr.chain = shape.chain;  // test ids made global below
        if (shape.min_tokens == 0) {
          diags->Error(r.where.file, pr.pattern->line, pr.pattern->column,
                       "pattern can match no token at all");
        }
        // "p:( ... )": one capture that is the whole pattern, and so the
        // whole match; no capture pass is needed.
        cr.whole_capture = parts.size() == 1 && parts[0]->kind == Node::Kind::kCapture &&
                           cr.capture_groups.size() == 1 &&
                           cr.capture_groups[0].size() == 1 && cr.part_groups.size() == 1;
        // Part labels from the pattern's own text, when it is one line.
        for (size_t i = 0; i < parts.size(); ++i) {
          const Node* p = parts[i];
          size_t from = 0, to = pr.pattern_src.text.size();
          for (size_t k = 0; k < pr.pattern_src.positions.size(); ++k) {
            if (pr.pattern_src.positions[k] == std::make_pair(p->line, p->column)) {
              from = k;
              break;
            }
          }
          if (i + 1 < parts.size()) {
            for (size_t k = from; k < pr.pattern_src.positions.size(); ++k) {
              if (pr.pattern_src.positions[k] ==
                  std::make_pair(parts[i + 1]->line, parts[i + 1]->column)) {
                to = k;
                break;
              }
            }
          }
          std::string label = pr.pattern_src.text.substr(from, to - from);
          while (!label.empty() && std::isspace(static_cast<unsigned char>(label.back())))
            label.pop_back();
          for (auto& ch : label)
            if (ch == '\n') ch = ' ';
          label.erase(0, label.find_first_not_of(' '));
          if (!label.empty()) r.part_labels[i] = label;
        }
      }
    }

    // Emits.
    std::set<std::string> used;
    bool has_own_family = false;
    for (auto& src : pr.emit_srcs) {
      Emit e;
      std::vector<std::string> refs;
      if (!ParseEmit(src, r.where.file, &e, &refs, diags)) continue;
      for (const auto& ref : refs) used.insert(ref);
      auto error = [&](const SourceLocation& w, const std::string& msg) {
        diags->Error(w.file, w.line, w.column, msg);
      };
      if (IsUpperName(e.kind)) {
        auto it = impl->type_index.find(e.kind);
        e.entity_type = it == impl->type_index.end() ? -1 : it->second;
        e.family = Family::kEntity;
        if (r.family != Family::kEntity) {
          error(e.where, "a " + std::string(FamilyName(r.family)) +
                             " rule cannot emit an entity (" + e.kind +
                             "); use family: entity");
        }
        for (const auto& a : e.args) {
          if (a.name == "span" &&
              (a.choices.size() != 1 ||
               a.choices[0].kind != ValueRef::Kind::kCapture)) {
            error(a.where, "span= takes one capture name");
          }
        }
      } else {
        if (!FamilyFromName(e.kind, &e.family)) {
          error(e.where, "unknown emit kind '" + e.kind +
                             "' (an entity TYPE, or membership, change, "
                             "observation, reports, suborganization, dateline)");
          continue;
        }
        if (r.family == Family::kEntity) {
          error(e.where, "an entity rule emits entity types, not " + e.kind);
          continue;
        }
        if (e.family == r.family) has_own_family = true;
        const auto* spec = FamilyArgs(e.family);
        for (const auto& a : e.args) {
          const ArgSpec* as = nullptr;
          for (const auto& s : *spec)
            if (a.name == s.name) as = &s;
          if (!as) {
            std::string known;
            for (const auto& s : *spec) known += std::string(known.empty() ? "" : ", ") + s.name;
            error(a.where, "unknown argument '" + a.name + "' for " + e.kind +
                               " (" + known + ")");
            continue;
          }
          for (const auto& c : a.choices) {
            if (c.kind == ValueRef::Kind::kLiteral && !as->allowed.empty() &&
                std::find(as->allowed.begin(), as->allowed.end(), c.text) ==
                    as->allowed.end()) {
              std::string allowed;
              for (const auto& v : as->allowed) allowed += (allowed.empty() ? "" : ", ") + v;
              error(a.where, "'" + c.text + "' is not a valid " + a.name +
                                 " (" + allowed + ")");
            }
          }
        }
        for (const auto& s : *spec) {
          if (s.required && !e.Find(s.name))
            error(e.where, e.kind + " needs " + s.name + "=");
        }
      }
      // Resolve capture references.
      for (auto& a : e.args) {
        for (auto& c : a.choices) {
          if (c.kind == ValueRef::Kind::kLiteral) continue;
          std::string name = c.text.substr(0, c.text.find('.'));
          auto it = std::find(r.captures.begin(), r.captures.end(), name);
          if (it == r.captures.end()) {
            if (pattern_ok)
              error(a.where, "unknown capture '" + name + "' (the pattern has " +
                                 (r.captures.empty() ? std::string("none") : [&] {
                                   std::string s;
                                   for (auto& n : r.captures) s += (s.empty() ? "" : ", ") + n;
                                   return s;
                                 }()) + ")");
            continue;
          }
          c.capture = static_cast<int>(it - r.captures.begin());
          if (c.kind == ValueRef::Kind::kAttribute) c.text = c.text.substr(c.text.find('.') + 1);
        }
      }
      r.emits.push_back(std::move(e));
    }
    if (r.family != Family::kEntity && !r.emits.empty() && !has_own_family) {
      diags->Error(r.where.file, r.where.line, r.where.column,
                   "rule '" + r.id + "' of family " +
                       std::string(FamilyName(r.family)) + " emits no " +
                       std::string(FamilyName(r.family)));
    }
    for (const auto& name : r.captures) {
      if (!used.count(name)) {
        diags->Error(r.where.file, pr.pattern_src.At(pr.pattern_src.text.find(name + ":")).first,
                     pr.pattern_src.At(pr.pattern_src.text.find(name + ":")).second,
                     "capture '" + name + "' is never used by an emit");
      }
    }
    impl->rules.push_back(r);
    impl->compiled.push_back(std::move(cr));
  }

  // Regex atoms (added to the token-regex set as atoms were made, in atom
  // order): its Latin-1 set compiles now, its UTF-8 sets on first use.
  if (impl->token_regexes && !impl->token_regexes->Compile())
    diags->Error("", 0, 0, "the token regexes do not fit in memory");

  // Distinct tests, shared by the rules that use them.
  std::map<std::pair<std::vector<int>, std::vector<int>>, int> test_index;
  for (CompiledRule& cr : impl->compiled) {
    cr.test_ids.clear();
    for (const ElementTest& t : cr.tests) {
      auto [it, added] = test_index.try_emplace({t.pos, t.neg},
                                                static_cast<int>(impl->tests.size()));
      if (added) impl->tests.push_back(t);
      cr.test_ids.push_back(it->second);
    }
    // Each test step also names the shared test, for the matcher.
    for (Inst& in : cr.program)
      if (in.op == Inst::Op::kTest) in.y = cr.test_ids[in.x];
    // Chain links become tests too: an atom is the test that it holds.
    for (auto& link : cr.chain) {
      for (int& c : link) {
        if (c >= 0) {
          c = cr.test_ids[c];
          continue;
        }
        auto [it, added] = test_index.try_emplace({std::vector<int>{-1 - c}, std::vector<int>{}},
                                                  static_cast<int>(impl->tests.size()));
        if (added) impl->tests.push_back({{-1 - c}, {}});
        c = it->second;
      }
    }
  }

  impl->test_begin.clear();
  impl->test_pos.clear();
  impl->test_atoms.clear();
  for (const ElementTest& t : impl->tests) {
    impl->test_begin.push_back(static_cast<uint32_t>(impl->test_atoms.size()));
    impl->test_pos.push_back(static_cast<uint32_t>(t.pos.size()));
    impl->test_atoms.insert(impl->test_atoms.end(), t.pos.begin(), t.pos.end());
    impl->test_atoms.insert(impl->test_atoms.end(), t.neg.begin(), t.neg.end());
  }
  impl->test_begin.push_back(static_cast<uint32_t>(impl->test_atoms.size()));

  // Index: each rule under its most selective must-atom, or the atoms of
  // its most selective chain link.
  std::set<int> stages;
  for (const Rule& r : impl->rules)
    if (r.family == Family::kEntity) stages.insert(r.stage);
  impl->entity_stages.assign(stages.begin(), stages.end());
  impl->rule_index.assign(1 + stages.size(), {});
  for (auto& ix : impl->rule_index) {
    ix.keys.assign(impl->AtomWords(), 0);
    ix.by_key.assign(impl->atoms.size(), {});
  }
  // How rare an atom is likely to be in a sentence: longer words are rarer
  // than short ones, lexicon hits and regexes than entities and shapes.
  auto score = [&](int a) {
    const AtomKey& k = impl->atoms[a];
    switch (k.kind) {
      case AtomKind::kLower:
      case AtomKind::kExact:
        return k.text.size() >= 3 ? 100 + static_cast<int>(k.text.size()) : 20;
      case AtomKind::kLexInside: return 60;
      case AtomKind::kRegex: return 40;
      case AtomKind::kEntInside: return 30;
      case AtomKind::kShape: return 10;
      default: return 1;
    }
  };
  for (size_t i = 0; i < impl->rules.size(); ++i) {
    CompiledRule& cr = impl->compiled[i];
    const Rule& r = impl->rules[i];
    RuleSetImpl::RuleIndex& ix = impl->rule_index[
        r.family != Family::kEntity ? 0 : 1 + std::distance(stages.begin(), stages.find(r.stage))];
    // The keys: one atom every match holds, or, when rarer, one atom for
    // each alternative of a chain link (every match holds one of them: a
    // token that passes an alternative's test holds its atoms). The rule is
    // a candidate in a sentence that holds a key.
    std::vector<int> keys;
    int best_score = 0;
    for (int a : cr.must_atoms) {
      if (score(a) > best_score) {
        best_score = score(a);
        keys = {a};
      }
    }
    for (const auto& link : cr.chain) {
      std::vector<int> link_keys;
      int link_score = INT32_MAX;
      for (int t : link) {
        const ElementTest& test = impl->tests[t];
        int pick = -1;
        for (int a : test.pos)
          if (pick < 0 || score(a) > score(pick)) pick = a;
        if (pick < 0) {  // an alternative that needs no atom
          link_score = 0;
          break;
        }
        link_keys.push_back(pick);
        link_score = std::min(link_score, score(pick));
      }
      if (link_score > best_score) {
        best_score = link_score;
        keys = std::move(link_keys);
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (int a : keys) {
      ix.by_key[a].push_back(static_cast<int>(i));
      ix.keys[a / 64] |= uint64_t{1} << (a % 64);
    }
    if (keys.empty()) ix.unkeyed.push_back(static_cast<int>(i));
  }
}

const RuleSetImpl::RuleIndex* RuleSetImpl::IndexOf(const RuleSelection& which) const {
  if (!which.entities) return &rule_index[0];
  auto it = std::lower_bound(entity_stages.begin(), entity_stages.end(), which.stage);
  if (it == entity_stages.end() || *it != which.stage) return nullptr;
  return &rule_index[1 + (it - entity_stages.begin())];
}

}  // namespace newsgraph
