// The output's JSON-LD context: the contract's context.jsonld, verbatim.
#include "newsgraph/serialize.h"

namespace newsgraph {

std::string_view JsonLdContext() {
  static constexpr std::string_view kContext = R"json({
  "@version": 1.1,
  "schema": "https://schema.org/",
  "org": "http://www.w3.org/ns/org#",
  "prov": "http://www.w3.org/ns/prov#",
  "oa": "http://www.w3.org/ns/oa#",
  "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
  "xsd": "http://www.w3.org/2001/XMLSchema#",
  "ng": "https://w3id.org/newsgraph/ns#",
  "id": "@id",
  "type": "@type",
  "graph": "@graph",
  "Article": "schema:NewsArticle",
  "Person": "schema:Person",
  "Organization": "schema:Organization",
  "Place": "schema:Place",
  "Role": "org:Role",
  "Membership": "org:Membership",
  "ChangeEvent": "org:ChangeEvent",
  "Observation": "schema:Observation",
  "Evidence": "oa:TextPositionSelector",
  "name": "schema:name",
  "alternateName": "schema:alternateName",
  "sameAs": {
    "@id": "schema:sameAs",
    "@type": "@id"
  },
  "url": {
    "@id": "schema:url",
    "@type": "@id"
  },
  "headline": "schema:headline",
  "datePublished": "schema:datePublished",
  "mentions": {
    "@id": "schema:mentions",
    "@type": "@id"
  },
  "member": {
    "@id": "org:member",
    "@type": "@id"
  },
  "organization": {
    "@id": "org:organization",
    "@type": "@id"
  },
  "role": {
    "@id": "org:role",
    "@type": "@id"
  },
  "roleName": "schema:roleName",
  "startDate": "schema:startDate",
  "endDate": "schema:endDate",
  "status": "ng:status",
  "reportsTo": {
    "@id": "org:reportsTo",
    "@type": "@id"
  },
  "subOrganizationOf": {
    "@id": "org:subOrganizationOf",
    "@type": "@id"
  },
  "originalOrganization": {
    "@id": "org:originalOrganization",
    "@type": "@id",
    "@container": "@set"
  },
  "resultingOrganization": {
    "@id": "org:resultingOrganization",
    "@type": "@id"
  },
  "changeType": "ng:changeType",
  "observationAbout": {
    "@id": "schema:observationAbout",
    "@type": "@id"
  },
  "variableMeasured": "schema:variableMeasured",
  "value": "schema:value",
  "minValue": "schema:minValue",
  "maxValue": "schema:maxValue",
  "unitCode": "schema:unitCode",
  "unitText": "schema:unitText",
  "valueKind": "ng:valueKind",
  "observationDate": "schema:observationDate",
  "observationPeriod": "schema:observationPeriod",
  "derivedFrom": {
    "@id": "prov:wasDerivedFrom",
    "@type": "@id"
  },
  "evidence": {
    "@id": "ng:evidence",
    "@container": "@set"
  },
  "exact": "oa:exact",
  "start": "oa:start",
  "end": "oa:end",
  "rule": "ng:rule",
  "confidence": "ng:confidence"
})json";
  return kContext;
}

}  // namespace newsgraph
