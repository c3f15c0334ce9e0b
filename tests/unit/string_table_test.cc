#include "text/string_table.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph {
namespace {

using Table = StringTable<std::string>;

const std::string* Find(Table& t, std::string_view key) { return t.Find(key, Table::Hash(key)); }
std::string& Add(Table& t, std::string_view key, std::string value) {
  return t.Add(key, Table::Hash(key), std::move(value));
}

TEST(StringTableTest, FindsWhatWasAddedAndNothingElse) {
  Table t;
  EXPECT_EQ(Find(t, "acme"), nullptr);  // empty
  Add(t, "acme", "ACME");
  Add(t, "", "empty key");
  ASSERT_NE(Find(t, "acme"), nullptr);
  EXPECT_EQ(*Find(t, "acme"), "ACME");
  ASSERT_NE(Find(t, ""), nullptr);
  EXPECT_EQ(*Find(t, ""), "empty key");
  EXPECT_EQ(Find(t, "acm"), nullptr);
  EXPECT_EQ(Find(t, "acme "), nullptr);
  EXPECT_EQ(t.size(), 2u);
}

TEST(StringTableTest, KeysWithTheSameHashAreToldApartByTheirText) {
  // Every key under one hash: each lookup probes past the others.
  Table t;
  for (int i = 0; i < 100; ++i) t.Add("k" + std::to_string(i), 42, "v" + std::to_string(i));
  for (int i = 0; i < 100; ++i) {
    const std::string* v = t.Find("k" + std::to_string(i), 42);
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, "v" + std::to_string(i));
  }
  EXPECT_EQ(t.Find("k100", 42), nullptr);
  EXPECT_EQ(t.Find("k1", 43), nullptr);  // a different hash is a different key
}

TEST(StringTableTest, GrowsAndKeepsEveryValueWhereItWas) {
  Table t;
  const std::string* first = &Add(t, "first", "1");
  for (int i = 0; i < 20000; ++i) Add(t, "key" + std::to_string(i), std::to_string(i));
  EXPECT_EQ(Find(t, "first"), first);  // the value did not move
  EXPECT_EQ(*first, "1");
  for (int i = 0; i < 20000; i += 7) {
    const std::string* v = Find(t, "key" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, std::to_string(i));
  }
  EXPECT_EQ(t.size(), 20001u);
}

TEST(StringTableTest, ClearForgetsEverything) {
  Table t;
  Add(t, "acme", "ACME");
  t.Clear();
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(Find(t, "acme"), nullptr);
  Add(t, "acme", "again");
  EXPECT_EQ(*Find(t, "acme"), "again");
}

}  // namespace
}  // namespace newsgraph
