#include <curl/curl.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "newsgraph/sink.h"

namespace newsgraph {
namespace {

size_t Collect(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

// curl_global_init once, before any thread uses curl.
void GlobalInit() {
  static const bool done = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)done;
}

std::string Escape(CURL* curl, const std::string& s) {
  char* e = curl_easy_escape(curl, s.c_str(), static_cast<int>(s.size()));
  std::string out = e ? e : "";
  curl_free(e);
  return out;
}

}  // namespace

GraphPusher::GraphPusher(PushOptions options) : options_(std::move(options)) {
  GlobalInit();
  curl_ = curl_easy_init();
  if (const char* u = std::getenv("NEWSGRAPH_PUSH_USER")) user_ = u;
  if (const char* p = std::getenv("NEWSGRAPH_PUSH_PASSWORD")) password_ = p;
}

GraphPusher::~GraphPusher() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

// One HTTP request with retries; "" on a 2xx answer.
std::string GraphPusher::Request(const std::string& method,
                                 const std::string& url,
                                 const std::string& content_type,
                                 const std::string& body) {
  CURL* curl = static_cast<CURL*>(curl_);
  std::string error;
  int delay = options_.backoff_ms;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      delay *= 2;
    }
    curl_easy_reset(curl);
    std::string answer;
    curl_slist* headers = curl_slist_append(nullptr, ("Content-Type: " + content_type).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    if (!user_.empty()) {
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
      curl_easy_setopt(curl, CURLOPT_USERNAME, user_.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, password_.c_str());
    } else {
      curl_easy_setopt(curl, CURLOPT_NETRC, static_cast<long>(CURL_NETRC_OPTIONAL));
      curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    }
    CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
      error = curl_easy_strerror(rc);
      continue;  // connection problems are retried
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) return "";
    std::string snippet = answer.substr(0, 200);
    for (char& c : snippet)
      if (c == '\n' || c == '\r') c = ' ';
    error = "HTTP " + std::to_string(status) + (snippet.empty() ? "" : ": " + snippet);
    if (status < 500) return error;  // the request itself is wrong: no retry
  }
  return error;
}

std::string GraphPusher::Push(const std::string& graph_iri,
                              const std::string& ntriples) {
  return PushBatch({{graph_iri, ntriples}});
}

std::string GraphPusher::PushBatch(
    const std::vector<std::pair<std::string, std::string>>& graphs) {
  CURL* curl = static_cast<CURL*>(curl_);
  if (options_.protocol == PushOptions::Protocol::kGraphStore) {
    std::string sep = options_.url.find('?') == std::string::npos ? "?" : "&";
    for (const auto& [iri, nt] : graphs) {
      std::string url = options_.url + sep + options_.graph_param + "=" + Escape(curl, iri);
      std::string error = Request("PUT", url, "application/n-triples", nt);
      if (!error.empty()) return error;
    }
    return "";
  }
  // SPARQL Update: drop the graphs, then insert them in chunks.
  std::string drop;
  for (const auto& [iri, nt] : graphs)
    drop += (drop.empty() ? "" : " ;\n") + std::string("DROP SILENT GRAPH <") + iri + ">";
  std::string error = Request("POST", options_.url, "application/sparql-update", drop);
  if (!error.empty()) return error;
  std::string body;
  size_t count = 0;
  auto flush = [&]() {
    if (body.empty()) return std::string();
    std::string e = Request("POST", options_.url, "application/sparql-update",
                            "INSERT DATA {\n" + body + "}");
    body.clear();
    count = 0;
    return e;
  };
  for (const auto& [iri, nt] : graphs) {
    size_t pos = 0;
    while (pos < nt.size()) {
      std::string chunk;
      while (pos < nt.size() && count < options_.max_statements) {
        size_t eol = nt.find('\n', pos);
        if (eol == std::string::npos) eol = nt.size();
        chunk.append(nt, pos, eol - pos);
        chunk.push_back('\n');
        pos = eol + 1;
        ++count;
      }
      if (!chunk.empty()) body += "GRAPH <" + iri + "> {\n" + chunk + "}\n";
      if (count >= options_.max_statements && !(error = flush()).empty()) return error;
    }
  }
  return flush();
}

}  // namespace newsgraph
