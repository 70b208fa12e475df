// The Scenario page's form: where the common keys of a scenario's YAML text are (name, costs,
// timeline start and hours_per_month, each fixed standard, each target hall's fields), so that
// the page shows them as fields, writes a field's change into that line of the text (comments
// and order kept) and shows the validation's located errors at their field.
#ifndef SAMDRIFT_TOOLS_SERVE_SCENARIO_FORM_H_
#define SAMDRIFT_TOOLS_SERVE_SCENARIO_FORM_H_

#include <nlohmann/json.hpp>
#include <string>

namespace samdrift::tools::serve {

// {"fields": [{"path": "halls.0.power_kw", "value": "36", "line": 12, "flow": false}, ...],
//  "sections": {"timeline": LINE|null, "standards": LINE|null, "halls": LINE|null}}: one field per
// scalar found (line 1-based; flow: written inline, `{...}` or `[...]`, which the page leaves to
// the YAML editor). Null when the text is not YAML the form can read (the errors say why).
nlohmann::ordered_json ScenarioForm(const std::string& text);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_SCENARIO_FORM_H_
