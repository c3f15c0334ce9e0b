#include "rules/token_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsgraph {
namespace {

using Table = TokenFactsTable;

std::vector<int> AtomsOf(const Table::Facts& f) { return {f.atoms.begin(), f.atoms.end()}; }

TEST(TokenFactsTableTest, FindsWhatWasAddedAndNothingElse) {
  Table t;
  Table::Facts f;
  EXPECT_FALSE(t.Find("acme", Table::Hash("acme"), &f));  // empty
  t.Add("acme", Table::Hash("acme"), std::vector<int>{3, 7}, 12, -1);
  t.Add("", Table::Hash(""), std::vector<int>{}, -1, 4);
  ASSERT_TRUE(t.Find("acme", Table::Hash("acme"), &f));
  EXPECT_EQ(AtomsOf(f), (std::vector<int>{3, 7}));
  EXPECT_EQ(f.lower_word, 12);
  EXPECT_EQ(f.cased_word, -1);
  ASSERT_TRUE(t.Find("", Table::Hash(""), &f));
  EXPECT_TRUE(f.atoms.empty());
  EXPECT_EQ(f.cased_word, 4);
  EXPECT_FALSE(t.Find("acm", Table::Hash("acm"), &f));
  EXPECT_FALSE(t.Find("acme ", Table::Hash("acme "), &f));
  EXPECT_FALSE(t.Find("Acme", Table::Hash("Acme"), &f));
  EXPECT_EQ(t.size(), 2u);
}

TEST(TokenFactsTableTest, KeysWithTheSameHashAreToldApartByTheirText) {
  Table t;
  for (int i = 0; i < 100; ++i) t.Add("k" + std::to_string(i), 42, std::vector<int>{i}, i, -i);
  Table::Facts f;
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(t.Find("k" + std::to_string(i), 42, &f)) << i;
    EXPECT_EQ(AtomsOf(f), std::vector<int>{i});
    EXPECT_EQ(f.lower_word, i);
  }
  EXPECT_FALSE(t.Find("k100", 42, &f));
  EXPECT_FALSE(t.Find("k1", 43, &f));  // a different hash is a different key
}

// A record keeps a short key and a few atoms inline; longer keys and more
// atoms go elsewhere. Every size on either side of that line reads back.
TEST(TokenFactsTableTest, KeysAndAtomListsOfEverySizeReadBack) {
  Table t;
  auto key = [](size_t n) {
    std::string k;
    for (size_t i = 0; i < n; ++i) k += static_cast<char>('a' + (i * 7 + n) % 26);
    return k;
  };
  auto atoms = [](size_t n, size_t m) {
    std::vector<int> a;
    for (size_t i = 0; i < m; ++i) a.push_back(static_cast<int>(1000 * n + i));
    return a;
  };
  for (size_t n = 0; n < 48; ++n)
    for (size_t m = 0; m < 14; ++m) {
      const std::string k = key(n) + "#" + std::to_string(m);
      Table::Facts f = t.Add(k, Table::Hash(k), atoms(n, m), static_cast<int>(n), static_cast<int>(m));
      EXPECT_EQ(AtomsOf(f), atoms(n, m)) << k;
    }
  for (size_t n = 0; n < 48; ++n)
    for (size_t m = 0; m < 14; ++m) {
      const std::string k = key(n) + "#" + std::to_string(m);
      Table::Facts f;
      ASSERT_TRUE(t.Find(k, Table::Hash(k), &f)) << k;
      EXPECT_EQ(AtomsOf(f), atoms(n, m)) << k;
      EXPECT_EQ(f.lower_word, static_cast<int>(n));
      EXPECT_EQ(f.cased_word, static_cast<int>(m));
    }
}

// Under one hash, only the bytes tell keys apart: a key that differs from
// another in any one byte, at any length, is another key.
TEST(TokenFactsTableTest, KeysThatDifferInOneByteAreToldApart) {
  for (size_t n = 1; n <= 24; ++n) {
    Table t;
    const std::string key(n, 'k');
    t.Add(key, 42, std::vector<int>{static_cast<int>(n)}, 1, 1);
    Table::Facts f;
    ASSERT_TRUE(t.Find(key, 42, &f)) << n;
    for (size_t i = 0; i < n; ++i) {
      std::string other = key;
      other[i] = 'q';
      EXPECT_FALSE(t.Find(other, 42, &f)) << n << " bytes, byte " << i;
    }
    EXPECT_FALSE(t.Find(key.substr(0, n - 1), 42, &f)) << n;
  }
}

TEST(TokenFactsTableTest, GrowsAndKeepsEveryEntry) {
  Table t;
  for (int i = 0; i < 20000; ++i) {
    const std::string k = "key" + std::to_string(i);
    t.Add(k, Table::Hash(k), std::vector<int>{i, i + 1}, i, -1);
  }
  Table::Facts f;
  for (int i = 0; i < 20000; i += 7) {
    const std::string k = "key" + std::to_string(i);
    ASSERT_TRUE(t.Find(k, Table::Hash(k), &f)) << i;
    EXPECT_EQ(AtomsOf(f), (std::vector<int>{i, i + 1}));
  }
  EXPECT_EQ(t.size(), 20000u);
}

TEST(TokenFactsTableTest, ClearForgetsEverything) {
  Table t;
  t.Add("acme", Table::Hash("acme"), std::vector<int>{1}, 1, 1);
  t.Clear();
  EXPECT_EQ(t.size(), 0u);
  Table::Facts f;
  EXPECT_FALSE(t.Find("acme", Table::Hash("acme"), &f));
  t.Add("acme", Table::Hash("acme"), std::vector<int>{2}, 2, 2);
  ASSERT_TRUE(t.Find("acme", Table::Hash("acme"), &f));
  EXPECT_EQ(AtomsOf(f), std::vector<int>{2});
}

// The slot is the hash's low bits: keys that differ in one byte, or only
// in length, must not pile up on a few slots.
TEST(TokenFactsTableTest, HashSpreadsSimilarKeysOverLowBits) {
  std::vector<int> used(1024, 0);
  for (int i = 0; i < 4096; ++i) {
    std::string k = "w" + std::to_string(i);
    ++used[Table::Hash(k) & 1023];
  }
  int busiest = 0;
  for (int u : used) busiest = std::max(busiest, u);
  EXPECT_LT(busiest, 16);  // 4 on average
  EXPECT_NE(Table::Hash("ab"), Table::Hash(std::string("ab\0", 3)));
  EXPECT_NE(Table::Hash("abcdefgh"), Table::Hash("abcdefgh "));
}

}  // namespace
}  // namespace newsgraph
