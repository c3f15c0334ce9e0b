#include "newsgraph/serialize.h"

namespace newsgraph {

std::string RdfWriter::Write(const Graph&) const { return ""; }

}  // namespace newsgraph
