#include "newsgraph/resolve.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "newsgraph/pipeline.h"

namespace newsgraph {
namespace {

// Resolution is tested through the built-in rules: it is where lexicons,
// rules and resolution meet.
const Pipeline& BuiltinPipeline() {
  static const Pipeline* p = [] {
    Diagnostics d;
    auto rules = RuleSet::LoadBuiltin(&d);
    EXPECT_TRUE(rules) << d.ToString();
    return new Pipeline(rules, {});
  }();
  return *p;
}

Facts Resolve(const std::string& text, const std::string& date = "") {
  Document doc{text, {}};
  doc.meta.date = date;
  return BuiltinPipeline().Extract(doc).facts;
}

const Entity& E(const Facts& f, int i) { return f.entities.at(i); }

TEST(ResolverTest, PronounTakesTheLatestPersonBeforeIt) {
  Facts f = Resolve(
      "Laura Stein joined Quartz Ltd. in 2019. He later served as chief "
      "financial officer of Opal Corp.");
  ASSERT_EQ(f.memberships.size(), 1u);
  EXPECT_EQ(E(f, f.memberships[0].member).name, "Laura Stein");
  EXPECT_EQ(E(f, f.memberships[0].organization).name, "Opal Corp.");
}

TEST(ResolverTest, ItsTakesTheLatestOrganization) {
  Facts f = Resolve("Quartz Ltd. said its revenue rose 5%.");
  ASSERT_EQ(f.observations.size(), 1u);
  EXPECT_EQ(E(f, f.observations[0].about).name, "Quartz Ltd.");
}

TEST(ResolverTest, ShortFormsJoinTheirEntityAndFullestFormIsTheName) {
  Facts f = Resolve(
      "Quartz Holdings Ltd. named Laura Stein chief executive officer. "
      "Stein said Quartz would grow.");
  int laura = -1, quartz = -1;
  for (size_t i = 0; i < f.entities.size(); ++i) {
    if (f.entities[i].name == "Laura Stein") laura = static_cast<int>(i);
    if (f.entities[i].name == "Quartz Holdings Ltd.") quartz = static_cast<int>(i);
  }
  ASSERT_GE(laura, 0);
  ASSERT_GE(quartz, 0);
  EXPECT_EQ(E(f, laura).alternate_names, (std::vector<std::string>{"Stein"}));
  EXPECT_EQ(E(f, quartz).alternate_names, (std::vector<std::string>{"Quartz"}));
}

TEST(ResolverTest, RelativeStartDateUsesThePublicationDate) {
  Facts f = Resolve("In September last year, Laura Stein was appointed CEO of Opal Corp.",
                    "2024-11-22");
  ASSERT_EQ(f.memberships.size(), 1u);
  EXPECT_EQ(f.memberships[0].start_date, "2023-09");
  EXPECT_EQ(f.memberships[0].status, "appointed");
}

TEST(ResolverTest, RelativeDateIsNotGuessedWithoutAPublicationDate) {
  Facts f = Resolve("In September last year, Laura Stein was appointed CEO of Opal Corp.");
  ASSERT_EQ(f.memberships.size(), 1u);
  EXPECT_EQ(f.memberships[0].start_date, "");
}

TEST(ResolverTest, DatelineGivesThePublicationDate) {
  Facts f = Resolve("OSLO, March 3, 2025 -- Opal Corp on Monday named Laura Stein president.");
  EXPECT_EQ(f.date_published, "2025-03-03");
  ASSERT_EQ(f.memberships.size(), 1u);
  EXPECT_EQ(f.memberships[0].start_date, "2025-03-03");
}

TEST(ResolverTest, CompoundTitleGivesOneMembershipPerTitle) {
  Facts f = Resolve("Opal Corp said it named Laura Stein president and chief executive officer.");
  ASSERT_EQ(f.memberships.size(), 2u);
  EXPECT_EQ(E(f, f.memberships[0].role).name, "President");
  EXPECT_EQ(E(f, f.memberships[1].role).name, "Chief Executive Officer");
  EXPECT_EQ(E(f, f.memberships[0].organization).name, "Opal Corp.");
}

TEST(ResolverTest, ValuesAreNormalizedWithSign) {
  Facts f = Resolve("Opal Corp said net income fell 6 pct to 12.5 mln dlrs.");
  ASSERT_EQ(f.observations.size(), 2u);
  EXPECT_EQ(f.observations[0].kind, "relative-change");
  EXPECT_EQ(*f.observations[0].quantity.value, -6);
  EXPECT_EQ(f.observations[1].kind, "level");
  EXPECT_EQ(*f.observations[1].quantity.value, 12500000);
  EXPECT_EQ(f.observations[1].quantity.unit_code, "USD");
}

// "dlrs" in a story datelined in Canada are Canadian dollars; named
// currencies keep their code wherever the story is from.
std::vector<std::string> Currencies(const std::string& text, const std::string& dateline = "") {
  Document doc{text, {}};
  doc.meta.dateline = dateline;
  std::vector<std::string> codes;
  for (const auto& o : BuiltinPipeline().Extract(doc).facts.observations)
    codes.push_back(o.quantity.unit_code);
  return codes;
}

TEST(ResolverTest, DollarsAreTheDatelinesLocalDollars) {
  const std::string text = "Maple Bank said net income rose to 96.5 mln dlrs from 87.0 mln.";
  using V = std::vector<std::string>;
  EXPECT_EQ(Currencies(text), (V{"USD", "USD"}));
  EXPECT_EQ(Currencies(text, "TORONTO, March 5"), (V{"CAD", "CAD"}));
  EXPECT_EQ(Currencies(text, "ST. JOHN'S, Newfoundland, March 5"), (V{"CAD", "CAD"}));
  EXPECT_EQ(Currencies(text, "SYDNEY, March 5"), (V{"AUD", "AUD"}));
  EXPECT_EQ(Currencies(text, "NEW YORK, March 5"), (V{"USD", "USD"}));
  EXPECT_EQ(Currencies("MONTREAL, March 3 - " + text), (V{"CAD", "CAD"}));
  EXPECT_EQ(Currencies("Maple Bank said net income rose to 96.5 mln U.S. dlrs.", "TORONTO, March 5"),
            (V{"USD"}));
  EXPECT_EQ(Currencies("Maple Bank said net income rose to 96.5 mln yen.", "TORONTO, March 5"),
            (V{"JPY"}));
}

TEST(ResolverTest, ContextSkipsTheParentInAnAppositive) {
  Facts f = Resolve("Larch Corp, a subsidiary of Opal Petroleum Corp, said Ann Vik has "
                    "resigned as president.");
  ASSERT_EQ(f.memberships.size(), 1u);
  EXPECT_EQ(E(f, f.memberships[0].organization).name, "Larch Corp.");
}

TEST(ResolverTest, AnAcronymInCapitalsIsTheCompanyWithThoseInitials) {
  Facts f = Resolve("Imperial Chemical Industries PLC reported results. ICI bought "
                    "Glidden Paints for 580 mln dlrs.");
  ASSERT_EQ(f.changes.size(), 1u);
  EXPECT_EQ(E(f, f.changes[0].resulting).name, "Imperial Chemical Industries plc");
  // Other initials are another company.
  Facts g = Resolve("Imperial Chemical Industries PLC reported results. ICX bought "
                    "Glidden Paints for 580 mln dlrs.");
  ASSERT_EQ(g.changes.size(), 1u);
  EXPECT_EQ(E(g, g.changes[0].resulting).name, "ICX");
  // The initials may take in the legal suffix.
  Facts h = Resolve("The Federal Savings Insurance Corp reported losses. FSIC Chairman Ada "
                    "Moss said more banks would fail.");
  ASSERT_EQ(h.memberships.size(), 1u);
  EXPECT_EQ(E(h, h.memberships[0].organization).name, "Federal Savings Insurance Corp.");
}

TEST(ResolverTest, AFigureWithoutCurrencyTakesTheNextOnesCurrency) {
  Facts f = Resolve("Opal Corp said revenues rose to 2.02 billion from 1.85 billion dlrs.");
  ASSERT_EQ(f.observations.size(), 2u);
  EXPECT_EQ(*f.observations[0].quantity.value, 2.02e9);
  EXPECT_EQ(f.observations[0].quantity.unit_code, "USD");
  EXPECT_EQ(f.observations[1].quantity.unit_code, "USD");
}

// A bare number is a count, not money: it borrows no currency from the
// amounts around it.
TEST(ResolverTest, ABareNumberTakesNoCurrency) {
  Facts f = Resolve("Banks with assets of one billion dlrs reporting losses totaled 22, "
                    "the Opal Bureau said.");
  std::vector<std::string> seen;
  for (const auto& o : f.observations)
    seen.push_back(o.metric + " " + std::to_string(static_cast<long>(*o.quantity.value)) + " " +
                   o.quantity.unit_code);
  EXPECT_EQ(seen, (std::vector<std::string>{"assets 1000000000 USD", "loss 22 "}));
}

// The organization of the one membership `text` gives ("" when it gives
// another number of them, which fails the test).
std::string OnlyMembershipOrganization(const std::string& text) {
  Facts f = Resolve(text);
  EXPECT_EQ(f.memberships.size(), 1u) << text;
  if (f.memberships.size() != 1) return "";
  return E(f, f.memberships[0].organization).name;
}

// One word that begins a company's name, after it, is that company; but
// not when it begins two names, and not before a company it names fully.
TEST(ResolverTest, TheFirstWordOfANameNamedBeforeIsThatCompany) {
  EXPECT_EQ(OnlyMembershipOrganization("Opal International Inc bought Harris Graphics. "
                                       "Harris chairman Ada Moss said orders rose."),
            "Harris Graphics");
  EXPECT_EQ(OnlyMembershipOrganization("Harris Graphics and Harris Tools merged. "
                                       "Harris chairman Ada Moss said orders rose."),
            "Harris");
  // A company whose whole core is the word comes first.
  EXPECT_EQ(OnlyMembershipOrganization("Opal Freight Lines said Opal Ltd bought it. "
                                       "Opal chairman Ada Moss said orders rose."),
            "Opal Ltd.");
}

// A name that is a longer one named before without its "of ..." is that
// company; one that lacks a place at the end is not (that is its unit).
TEST(ResolverTest, ANameWithoutItsOfPartIsThatCompany) {
  EXPECT_EQ(OnlyMembershipOrganization("The Opal Bank of Tarnia reported results. "
                                       "Opal Bank chairman Ada Moss said loans rose."),
            "Opal Bank of Tarnia");
  EXPECT_EQ(OnlyMembershipOrganization("Opal Bank Canada reported results. "
                                       "Opal Bank chairman Ada Moss said loans rose."),
            "Opal Bank");
  // "Commerce Bank" is a Bank of Commerce.
  EXPECT_EQ(OnlyMembershipOrganization("The Tarnian Imperial Bank of Commerce reported results. "
                                       "Commerce Bank chairman Ada Moss said loans rose."),
            "Tarnian Imperial Bank of Commerce");
}

// With no organization in its sentence, a relation is about the company
// the story's sentences are about, not the last one named.
TEST(ResolverTest, ContextIsTheSubjectCompanyNotTheLastNamed) {
  Facts f = Resolve("Tarn Inc said it named Ann Lee as its president. Lee had been president "
                    "of the Tarn Rail Division. Chairman Bo Ek also held the position of "
                    "president.");
  std::vector<std::string> ek;
  for (const auto& m : f.memberships)
    if (E(f, m.member).name == "Bo Ek")
      ek.push_back(E(f, m.role).name + "@" + E(f, m.organization).name);
  std::sort(ek.begin(), ek.end());
  EXPECT_EQ(ek, (std::vector<std::string>{"Chairman@Tarn Inc.", "President@Tarn Inc."}));
}

// "It" with no company named before it in its sentence is the company the
// story's sentences begin with, not the last one named.
TEST(ResolverTest, ItWithNoCompanyBeforeItIsTheSubject) {
  Facts f = Resolve("Quill Corp, recently bought by a unit of Opal N.V., said it would sell "
                    "a division. The maker said it acquired Tarn Shoes Co in 1978.");
  ASSERT_EQ(f.changes.size(), 2u);
  std::vector<std::string> into;
  for (const auto& c : f.changes) into.push_back(E(f, c.resulting).name);
  EXPECT_EQ(into, (std::vector<std::string>{"Opal N.V.", "Quill Corp."}));
}

// A long run of pronouns, resolved from its end, neither exhausts the stack
// nor takes quadratic time; pronouns near their company still find it.
TEST(ResolverTest, ALongChainOfPronounsIsResolvedSafely) {
  std::string text = "Quill Corp rose.";
  for (int i = 0; i < 100000; ++i) text += " It rose.";
  text += " It named Ann Lee president. Quill Corp fell. It named Bo Ek treasurer.";
  Facts f = Resolve(text);
  std::vector<std::string> seen;
  for (const auto& m : f.memberships)
    seen.push_back(E(f, m.member).name + "@" +
                   (m.organization < 0 ? std::string("-") : E(f, m.organization).name));
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"Ann Lee@-", "Bo Ek@Quill Corp."}));
}

// A title's own status word is the new holder's: whom a "new general
// manager" replaces is a former one.
TEST(ResolverTest, ThePredecessorOfANewHolderIsFormer) {
  Facts f = Resolve("Tarn Oil Corp has named Ana Ruiz as its new general manager replacing "
                    "Tom Reyes.");
  std::vector<std::string> seen;
  for (const auto& m : f.memberships) seen.push_back(E(f, m.member).name + ":" + m.status);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"Ana Ruiz:appointed", "Tom Reyes:former"}));
}

TEST(ResolverTest, APredecessorHeldWhatTheSuccessorWasAppointedTo) {
  Facts f = Resolve("Quill Corp named Ned Moss president. Moss was formerly treasurer of "
                    "Kite Corp. He replaces Jim Sker, the company said.");
  std::vector<std::string> sker;
  for (const auto& m : f.memberships)
    if (E(f, m.member).name == "Jim Sker")
      sker.push_back(E(f, m.role).name + "@" + E(f, m.organization).name + ":" + m.status);
  EXPECT_EQ(sker, (std::vector<std::string>{"President@Quill Corp.:former"}));
}

TEST(ResolverTest, IntegrationListKeepsEveryOriginal) {
  Facts f = Resolve("Opal Group will integrate Topaz Pay, 5188 and Beryl into Opal Cloud.");
  ASSERT_EQ(f.changes.size(), 1u);
  std::vector<std::string> names;
  for (int o : f.changes[0].originals) names.push_back(E(f, o).name);
  EXPECT_EQ(names, (std::vector<std::string>{"Topaz Pay", "5188", "Beryl"}));
  EXPECT_EQ(E(f, f.changes[0].resulting).name, "Opal Cloud");
}

}  // namespace
}  // namespace newsgraph
