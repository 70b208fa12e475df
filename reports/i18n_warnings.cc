// What an import warning's code means, in the report's language: the importers' messages are
// English data (they quote the file's values), so the report names each warning by a short
// description of its code, in Swedish or English; `--lang en` also shows the message itself.
#include <array>
#include <string>

#include "reports/sections.h"

namespace samdrift::reports {

namespace {

struct Meaning {
  std::string_view code;  // a whole code ("CSV003") or a family ("CSV")
  std::string_view en;
  std::string_view sv;
};

// The warnings the importers give, by code.
constexpr std::array kCodes = {
    Meaning{"ARC012", "a name used twice; the second element is stored renamed",
            "ett namn används två gånger; det andra elementet lagras med nytt namn"},
    Meaning{"ARC013", "an element placed in two places; one is kept",
            "ett element är placerat på två ställen; det ena behålls"},
    Meaning{"ARC014", "a relationship from an element to itself; ignored",
            "en relation från ett element till sig självt; ignoreras"},
    Meaning{"ARC015", "a property value of the wrong kind; a default or an attribute is used",
            "ett egenskapsvärde av fel slag; ett standardvärde eller ett attribut används"},
    Meaning{"ARC020", "relationships samdrift does not import; skipped",
            "relationer som samdrift inte importerar; hoppas över"},
    Meaning{"CSV003", "an unknown column; ignored", "en okänd kolumn; ignoreras"},
    Meaning{"CSV017", "a relation from an asset to itself; ignored",
            "en relation från en tillgång till sig själv; ignoreras"},
    Meaning{"DTL004", "an unknown key in a device type; ignored",
            "en okänd nyckel i en enhetstyp; ignoreras"},
    Meaning{"DTL005", "a rack type, not a device type; skipped",
            "en racktyp, inte en enhetstyp; hoppas över"},
    Meaning{"ENC001", "not valid UTF-8; read as Windows-1252",
            "inte giltig UTF-8; läses som Windows-1252"},
    Meaning{"FMT001", "a file of unknown format; skipped",
            "en fil i ett okänt format; hoppas över"},
    Meaning{"FMT002", "no importer reads this format yet; skipped",
            "ingen importör läser formatet ännu; hoppas över"},
    Meaning{"NBX008", "NetBox objects read, not stored (what uses them carries them)",
            "NetBox-objekt som läses men inte lagras (det som använder dem bär dem)"},
    Meaning{"NBX009", "a cable to a circuit (WAN link); skipped",
            "en kabel till en förbindelse (WAN-länk); hoppas över"},
    Meaning{"NBX011", "a power feed without figures; NetBox's defaults used",
            "en elmatning utan värden; NetBox standardvärden används"},
    Meaning{"NBX012", "a cable from a device to itself; skipped",
            "en kabel från en enhet till sig själv; hoppas över"},
    Meaning{"RVT007", "machines of one name with different identities; kept apart",
            "maskiner med samma namn men olika identitet; hålls isär"},
    Meaning{"XML002", "a DOCTYPE; ignored", "en DOCTYPE; ignoreras"},
    Meaning{"XML003", "bytes that are not UTF-8; read as Windows-1252",
            "byte som inte är UTF-8; läses som Windows-1252"},
};

// Any other code, by its family (the code's letters).
constexpr std::array kFamilies = {
    Meaning{"ARC", "a problem in the ArchiMate model; ignored",
            "ett problem i ArchiMate-modellen; ignoreras"},
    Meaning{"CAT", "a problem in the catalog", "ett problem i katalogen"},
    Meaning{"CSV", "a problem in a CSV file", "ett problem i en CSV-fil"},
    Meaning{"DTL", "a problem in the device-type library", "ett problem i enhetstypbiblioteket"},
    Meaning{"GLP", "a problem in the GLPI export", "ett problem i GLPI-exporten"},
    Meaning{"NBX", "a problem in the NetBox export", "ett problem i NetBox-exporten"},
    Meaning{"NET", "a problem in the network data", "ett problem i nätverksdata"},
    Meaning{"RVT", "a problem in the RVTools export", "ett problem i RVTools-exporten"},
    Meaning{"XML", "a problem in an XML file", "ett problem i en XML-fil"},
};

std::string In(Lang lang, const Meaning& m) { return std::string(lang == Lang::kSv ? m.sv : m.en); }

}  // namespace

std::string WarningMeaning(Lang lang, std::string_view code) {
  for (const Meaning& m : kCodes) {
    if (m.code == code) return In(lang, m);
  }
  for (const Meaning& m : kFamilies) {
    if (code.rfind(m.code, 0) == 0) return In(lang, m);
  }
  return lang == Lang::kSv ? "en varning vid importen" : "a warning of the import";
}

}  // namespace samdrift::reports
