// Matching throughput with the default rules and with 10x and 100x as many
// generated patterns, on the same text (the samples, repeated).
//
// Generated rules look like rules people write: each is anchored by trigger
// words, mixes literals with entity types and lexicons, and has its own id
// and priority. BM_Match draws the trigger words from a vocabulary of a few
// thousand words (the default lexicons' words plus the text's), so, as with a
// real rule set, a sentence holds the triggers of a small share of the rules.
// BM_MatchTextTriggers is the adversarial case: every trigger is a word of
// the text itself, so most generated rules are candidates in most sentences.
// BM_Segment, BM_Annotate, BM_Relate, BM_Resolve and BM_Serialize measure
// one stage each (MB/s of input text), with the default rules.
// Run: build/tests/match_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "newsgraph/pipeline.h"

namespace newsgraph {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The samples, repeated to about 64 KiB.
const std::string& Text() {
  static const std::string text = [] {
    std::string one;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(
             std::string(NEWSGRAPH_SOURCE_DIR) + "/samples"))
      files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) one += ReadAll(f) + "\n";
    std::string all;
    while (all.size() < 64 * 1024) all += one;
    return all;
  }();
  return text;
}

// Lower-case words of more than two letters in `text`, each once.
void AddWords(const std::string& text, std::set<std::string>* seen,
              std::vector<std::string>* vocab) {
  std::string word;
  for (char c : text + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      if (word.size() > 2 && seen->insert(word).second) vocab->push_back(word);
      word.clear();
    }
  }
}

// `count` generated rules (entity and relation rules); trigger words come
// from the text only, or from the text and the default lexicons.
std::string GeneratedRules(size_t count, uint32_t seed, bool text_only) {
  std::vector<std::string> vocab;
  std::set<std::string> seen;
  AddWords(Text(), &seen, &vocab);
  if (!text_only) {
    for (const auto& f : RuleSet::BuiltinFiles())
      if (f.path.size() > 4 && f.path.substr(f.path.size() - 4) == ".lex")
        AddWords(f.content, &seen, &vocab);
  }
  std::mt19937 rng(seed);
  auto w = [&] { return vocab[rng() % vocab.size()]; };
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    std::string id = "gen." + std::to_string(i);
    std::string prio = std::to_string(rng() % 10);
    switch (i % 5) {
      case 0:
        out += "rule " + id + "\n  family: membership\n  priority: " + prio +
               "\n  pattern: m:PERSON \"" + w() + "\" (\"as\")? r:ROLE (\"of\" o:ORGANIZATION)?\n"
               "  emit: membership(member=m, role=r, organization=o)\n";
        break;
      case 1:
        out += "rule " + id + "\n  family: change\n  priority: " + prio +
               "\n  pattern: a:ORGANIZATION \"" + w() + "\" \"" + w() + "\"? b:(ORGANIZATION | NAME)\n"
               "  emit: change(original=b, resulting=a, type=\"acquisition\")\n";
        break;
      case 2:
        out += "rule " + id + "\n  family: observation\n  priority: " + prio +
               "\n  pattern: m:(\"" + w() + "\" @metrics) _{0,2} v:(MONEY | PERCENT | QUANTITY)\n"
               "  emit: observation(metric=m, value=v, kind=\"level\")\n";
        break;
      case 3:
        out += "rule " + id + "\n  family: entity\n  stage: 2\n  priority: " + prio +
               "\n  pattern: x:(\"" + w() + "\" [/\\p{Lu}.*/ !ENTITY]{1,3})\n"
               "  emit: GEN" + std::to_string(i % 7) + "(span=x)\n";
        break;
      case 4:
        out += "rule " + id + "\n  family: reports\n  priority: " + prio +
               "\n  pattern: a:PERSON [!\".\"]{0,4} \"" + w() + "\" b:PERSON\n"
               "  emit: reports(member=a, boss=b)\n";
        break;
    }
  }
  return out;
}

std::shared_ptr<const RuleSet> RulesWith(size_t extra, bool text_only) {
  auto files = RuleSet::BuiltinFiles();
  if (extra) files.push_back({"generated.rules", GeneratedRules(extra, 7, text_only)});
  Diagnostics d;
  auto rules = RuleSet::Compile(files, &d);
  if (!rules) {
    std::fprintf(stderr, "%s", d.ToString().c_str());
    std::abort();
  }
  return rules;
}

size_t DefaultPatternCount() {
  Diagnostics d;
  return RuleSet::LoadBuiltin(&d)->rules().size();
}

// Arg: how many times the default number of patterns.
void Run(benchmark::State& state, bool text_only) {
  const size_t base = DefaultPatternCount();
  const size_t total = base * static_cast<size_t>(state.range(0));
  auto rules = RulesWith(total - base, text_only);
  Pipeline pipeline(rules, {});
  Document doc{Text(), {}};
  pipeline.Extract(doc);  // warm the per-rule automata
  for (auto _ : state) {
    Extraction x = pipeline.Extract(doc);
    benchmark::DoNotOptimize(x.facts.memberships.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
  state.counters["patterns"] = static_cast<double>(rules->rules().size());
}
void BM_Match(benchmark::State& state) { Run(state, false); }
void BM_MatchTextTriggers(benchmark::State& state) { Run(state, true); }
BENCHMARK(BM_Match)->Arg(1)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

// Per stage, default rules.
struct Stages {
  std::shared_ptr<const RuleSet> rules = RulesWith(0, false);
  Pipeline pipeline{rules, {}};
  Document doc{Text(), {}};
  Annotator annotator{rules};
  Relator relator{rules};
  Resolver resolver{rules};
  Segmentation seg = rules->segmenter().Segment(doc.text);
  Annotation ann = annotator.Annotate(doc, seg);
  std::vector<Relation> rels = relator.Relate(doc, seg, ann);
  Facts facts = resolver.Resolve(doc, seg, ann, rels);
  Graph graph = pipeline.BuildGraph(doc, facts);
};
Stages& S() {
  static Stages* s = new Stages();
  return *s;
}
void Bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Text().size()));
}
void BM_Segment(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(S().rules->segmenter().Segment(Text()));
  Bytes(state);
}
void BM_Annotate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(S().annotator.Annotate(S().doc, S().seg));
  Bytes(state);
}
void BM_Relate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(S().relator.Relate(S().doc, S().seg, S().ann));
  Bytes(state);
}
void BM_Resolve(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(S().resolver.Resolve(S().doc, S().seg, S().ann, S().rels));
  Bytes(state);
}
void BM_Serialize(benchmark::State& state) {
  JsonLdWriter writer({});
  for (auto _ : state) {
    Graph g = S().pipeline.BuildGraph(S().doc, S().facts);
    benchmark::DoNotOptimize(writer.Write(g));
  }
  Bytes(state);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Annotate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Relate)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Resolve)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Serialize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MatchTextTriggers)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
