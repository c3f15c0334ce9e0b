// Loading: files to a compiled, immutable RuleSet.
#include <algorithm>
#include <atomic>
#include <filesystem>

#include "newsgraph/input.h"
#include "newsgraph/unicode.h"
#include "rules/builtin_rules.h"
#include "rules/internal.h"

namespace newsgraph {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string Stem(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.substr(0, name.rfind('.'));
}

}  // namespace

RuleSetImpl::RuleSetImpl() : generation([] {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1);
}()) {}

RuleSet::RuleSet(std::unique_ptr<RuleSetImpl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;

std::shared_ptr<const RuleSet> RuleSet::Compile(
    const std::vector<SourceFile>& files, Diagnostics* diags) {
  auto impl = std::make_unique<RuleSetImpl>();
  const size_t errors_before = diags->items().size();

  // Lexicons first: rules refer to them, and the segmenter needs one.
  for (const auto& f : files) {
    if (!EndsWith(f.path, ".lex")) continue;
    Lexicon lex;
    lex.name = Stem(f.path);
    lex.file = f.path;
    ParseLexiconFile(f.path, f.content, &lex, diags);
    if (impl->lexicon_index.count(lex.name)) {
      diags->Error(f.path, 1, 1,
                   "lexicon '" + lex.name + "' is defined twice (also in " +
                       impl->lexicons[impl->lexicon_index[lex.name]].file + ")");
      continue;
    }
    impl->lexicon_index[lex.name] = static_cast<int>(impl->lexicons.size());
    impl->lexicons.push_back(std::move(lex));
  }

  Segmenter::Options seg_options;
  if (auto it = impl->lexicon_index.find("abbreviations");
      it != impl->lexicon_index.end()) {
    for (const auto& e : impl->lexicons[it->second].entries) {
      std::string lower = ToLowerUtf8(e.surface);
      if (lower.empty() || lower.back() != '.') {
        diags->Error(impl->lexicons[it->second].file, e.line, 1,
                     "an abbreviation ends with a period: '" + e.surface + "'");
        continue;
      }
      if (FindAttribute(e.attributes, "final") == "yes") {
        seg_options.sentence_final_abbreviations.push_back(lower);
      } else {
        seg_options.abbreviations.push_back(lower);
      }
    }
  }
  impl->segmenter = std::make_unique<Segmenter>(seg_options);

  static const char* kBuiltinTypes[] = {"PERSON", "ORGANIZATION", "ROLE",
                                        "PLACE",  "MONEY",        "PERCENT",
                                        "QUANTITY", "DATE",       "NAME"};
  for (const char* t : kBuiltinTypes) {
    impl->type_index[t] = static_cast<int>(impl->type_names.size());
    impl->type_names.push_back(t);
  }
  for (auto& lex : impl->lexicons) {
    auto register_type = [&](const std::string& name, int line) -> int {
      if (name == "ORG") return entity_type::kOrganization;
      bool valid = !name.empty();
      for (char c : name)
        valid = valid && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
      if (!valid) {
        diags->Error(lex.file, line, 1,
                     "entity types are written in capitals: '" + name + "'");
        return -1;
      }
      auto it = impl->type_index.find(name);
      if (it != impl->type_index.end()) return it->second;
      impl->type_index[name] = static_cast<int>(impl->type_names.size());
      impl->type_names.push_back(name);
      return static_cast<int>(impl->type_names.size()) - 1;
    };
    if (!lex.entity_type_name.empty())
      lex.entity_type = register_type(lex.entity_type_name, 1);
    for (auto& e : lex.entries) {
      auto type = FindAttribute(e.attributes, "type");
      if (!type.empty()) register_type(std::string(type), e.line);
    }
  }
  impl->type_index["ORG"] = entity_type::kOrganization;

  // Each entry's phrase, as the keys of its tokens; into the phrase tries
  // once the rules say which lexicons give hits.
  struct Phrase {
    std::vector<std::string> keys;
    uint32_t lexicon, entry;
  };
  std::vector<Phrase> phrases;
  for (size_t x = 0; x < impl->lexicons.size(); ++x) {
    const Lexicon& lex = impl->lexicons[x];
    for (size_t i = 0; i < lex.entries.size(); ++i) {
      const auto& e = lex.entries[i];
      std::vector<std::string> keys = PhraseKeys(*impl->segmenter, e.surface, lex.case_sensitive);
      if (keys.empty()) {
        diags->Error(lex.file, e.line, 1, "entry has no token");
        continue;
      }
      phrases.push_back({std::move(keys), static_cast<uint32_t>(x), static_cast<uint32_t>(i)});
    }
  }

  std::vector<ParsedRule> parsed;
  std::vector<ParsedMacro> macros;
  for (const auto& f : files) {
    if (EndsWith(f.path, ".rules"))
      ParseRuleFile(f.path, f.content, &parsed, &macros, diags);
  }
  CompileRules(&parsed, &macros, impl.get(), diags);

  // The phrase tries, of the lexicons whose hits something reads: a lexicon
  // a pattern names, that types entities, whose entries carry a canonical
  // form or attributes (read from hits by captures, values and dates), or
  // that the relator reads by name. Others (alias_stopwords, determiners,
  // ...) are word lists that their stages read from the entries; hits of
  // theirs would be looked for in every sentence and read by nothing.
  //
  // A lexicon that only patterns read, and whose entries are all one token,
  // needs no hits either: each token that is an entry is a hit of its own,
  // so the lexicon's atoms go with the token's text, as a literal's do, and
  // are worked out once per distinct token instead of in every sentence.
  enum class Use { kNone, kTokenAtoms, kHits };
  std::vector<Use> use(impl->lexicons.size(), Use::kNone);
  for (size_t x = 0; x < impl->lexicons.size(); ++x) {
    const Lexicon& lex = impl->lexicons[x];
    bool read_from_hits = lex.entity_type >= 0 || lex.name == kListSeparatorsLexicon;
    for (const auto& e : lex.entries)
      read_from_hits = read_from_hits || !e.canonical.empty() || !e.attributes.empty();
    if (read_from_hits) {
      use[x] = Use::kHits;
    } else if (impl->lexicon_named[x]) {
      use[x] = Use::kTokenAtoms;
    }
  }
  for (const Phrase& p : phrases)
    if (use[p.lexicon] == Use::kTokenAtoms && p.keys.size() > 1) use[p.lexicon] = Use::kHits;
  for (const Phrase& p : phrases) {
    const Lexicon& lex = impl->lexicons[p.lexicon];
    if (use[p.lexicon] == Use::kTokenAtoms) {
      auto& atoms = (lex.case_sensitive ? impl->exact_atoms : impl->lower_atoms)[p.keys[0]];
      const auto& a = impl->lex_atoms[p.lexicon];
      atoms.insert(atoms.end(), a.begin(), a.end());
    } else if (use[p.lexicon] == Use::kHits) {
      (lex.case_sensitive ? impl->trie_cased : impl->trie_lower)
          .Insert(p.keys, p.lexicon, p.entry);
      if (lex.case_sensitive) impl->has_cased = true;
    }
  }
  impl->trie_lower.Freeze();
  impl->trie_cased.Freeze();

  for (size_t i = errors_before; i < diags->items().size(); ++i)
    if (diags->items()[i].severity == Severity::kError) return nullptr;
  return std::shared_ptr<const RuleSet>(new RuleSet(std::move(impl)));
}

std::shared_ptr<const RuleSet> RuleSet::LoadDirectory(const std::string& dir,
                                                      Diagnostics* diags) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags->Error(dir, 0, 0, "not a rules directory (no such directory)");
    return nullptr;
  }
  std::vector<std::string> paths;
  for (auto it = fs::recursive_directory_iterator(
           dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string p = it->path().string();
    if (EndsWith(p, ".lex") || EndsWith(p, ".rules")) paths.push_back(p);
  }
  if (ec) diags->Error(dir, 0, 0, "cannot read: " + ec.message());
  std::sort(paths.begin(), paths.end());
  std::vector<SourceFile> files;
  for (const auto& p : paths) {
    SourceFile f{p, {}};
    std::string err;
    if (!ReadFileBytes(p, &f.content, &err)) {
      diags->Error(p, 0, 0, "cannot read: " + err);
      continue;
    }
    files.push_back(std::move(f));
  }
  if (files.empty() && !diags->has_errors())
    diags->Error(dir, 0, 0, "no .lex or .rules files in this directory");
  if (diags->has_errors()) return nullptr;
  return Compile(files, diags);
}

std::vector<RuleSet::SourceFile> RuleSet::BuiltinFiles() {
  std::vector<SourceFile> files;
  for (const auto& f : BuiltinRuleFiles())
    files.push_back({"rules/" + std::string(f.path), std::string(f.content)});
  return files;
}

std::shared_ptr<const RuleSet> RuleSet::LoadBuiltin(Diagnostics* diags) {
  return Compile(BuiltinFiles(), diags);
}

bool RuleSet::Verify(Diagnostics* diags) const {
  bool ok = true;
  if (impl_->token_regexes && !impl_->token_regexes->Verify()) {
    diags->Error("", 0, 0, "the token regexes do not fit in memory");
    ok = false;
  }
  return ok;
}

const std::vector<Lexicon>& RuleSet::lexicons() const { return impl_->lexicons; }
int RuleSet::FindLexicon(std::string_view name) const {
  auto it = impl_->lexicon_index.find(std::string(name));
  return it == impl_->lexicon_index.end() ? -1 : it->second;
}
const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }
const std::vector<std::string>& RuleSet::entity_type_names() const {
  return impl_->type_names;
}
int RuleSet::FindEntityType(std::string_view name) const {
  auto it = impl_->type_index.find(std::string(name));
  return it == impl_->type_index.end() ? -1 : it->second;
}
std::vector<int> RuleSet::entity_stages() const { return impl_->entity_stages; }
const Segmenter& RuleSet::segmenter() const { return *impl_->segmenter; }

}  // namespace newsgraph
