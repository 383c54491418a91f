#include "models/logansi.h"

#include <QList>

namespace logansi {

namespace {
constexpr char kEsc = '\x1b';

// One run of text with the SGR state in effect for it.
struct Run {
    QString text;
    int colour = 0;  // 0 default, else the SGR code (30-37, 90-97)
    bool bold = false;
};

// Splits a line into runs, applying SGR parameters and skipping other sequences.
QList<Run> parse(QByteArrayView utf8)
{
    QList<Run> runs;
    int colour = 0;
    bool bold = false;
    qsizetype textStart = 0;
    auto flush = [&](qsizetype end) {
        if (end > textStart)
            runs.append(Run{QString::fromUtf8(utf8.sliced(textStart, end - textStart)), colour, bold});
    };
    const qsizetype n = utf8.size();
    qsizetype i = 0;
    while (i < n) {
        if (utf8[i] != kEsc) {
            ++i;
            continue;
        }
        flush(i);
        qsizetype j = i + 1;
        if (j < n && utf8[j] == '[') {
            // CSI: parameters (digits and ';'), intermediates, then a final byte 0x40-0x7e.
            ++j;
            const qsizetype paramStart = j;
            while (j < n && (utf8[j] < 0x40 || utf8[j] > 0x7e))
                ++j;
            if (j < n && utf8[j] == 'm') {
                const QByteArrayView params = utf8.sliced(paramStart, j - paramStart);
                QList<int> codes;
                if (params.isEmpty()) {
                    codes << 0;
                } else {
                    qsizetype from = 0;
                    for (qsizetype k = 0; k <= params.size(); ++k) {
                        if (k == params.size() || params[k] == ';') {
                            const QByteArrayView p = params.sliced(from, k - from);
                            codes << (p.isEmpty() ? 0 : p.toInt());
                            from = k + 1;
                        }
                    }
                }
                for (int c = 0; c < codes.size(); ++c) {
                    const int code = codes[c];
                    if (code == 0) {
                        colour = 0;
                        bold = false;
                    } else if (code == 1) {
                        bold = true;
                    } else if (code == 22) {
                        bold = false;
                    } else if (code == 39) {
                        colour = 0;
                    } else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
                        colour = code;
                    } else if (code == 38 || code == 48) {
                        // 38;5;n or 38;2;r;g;b: skip the arguments, keep the colour.
                        if (c + 1 < codes.size())
                            c += codes[c + 1] == 5 ? 2 : codes[c + 1] == 2 ? 4 : 1;
                    }
                }
            }
            i = j < n ? j + 1 : n;
        } else if (j < n && utf8[j] == ']') {
            // OSC (titles, links): ends at BEL or ESC '\'.
            while (j < n && utf8[j] != '\a' && !(utf8[j] == kEsc && j + 1 < n && utf8[j + 1] == '\\'))
                ++j;
            i = j < n ? (utf8[j] == '\a' ? j + 1 : j + 2) : n;
        } else {
            // A two-byte escape (ESC c, ESC =, ...).
            i = std::min(n, j + 1);
        }
        textStart = i;
    }
    flush(n);
    return runs;
}

// Appends HTML-escaped `text`, with case-insensitive matches of `needle` marked.
void appendEscaped(QString &out, QStringView text, QStringView needle, const QString &mark)
{
    if (needle.isEmpty()) {
        out += text.toString().toHtmlEscaped();
        return;
    }
    qsizetype from = 0;
    while (true) {
        const qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive);
        if (at < 0)
            break;
        out += text.sliced(from, at - from).toString().toHtmlEscaped();
        out += QStringLiteral("<span style=\"background-color:%1\">").arg(mark);
        out += text.sliced(at, needle.size()).toString().toHtmlEscaped();
        out += QStringLiteral("</span>");
        from = at + needle.size();
    }
    out += text.sliced(from).toString().toHtmlEscaped();
}
}  // namespace

bool hasEscapes(QByteArrayView utf8)
{
    return utf8.contains(kEsc);
}

QString strip(QByteArrayView utf8)
{
    if (!hasEscapes(utf8))
        return QString::fromUtf8(utf8);
    QString out;
    for (const Run &r : parse(utf8))
        out += r.text;
    return out;
}

QString colorOf(int sgr, bool dark)
{
    // Chosen to stay readable on Theme.surface: darker tones on light, lighter on dark.
    static const char *const light[16] = {"#1b2230", "#b42318", "#1f7a3d", "#8a5a00", "#1d4ed8", "#8e24aa", "#0e7490", "#566072",
                                          "#566072", "#d92d20", "#2e9d52", "#a15c00", "#2563d6", "#a93fc0", "#0891b2", "#1b2230"};
    static const char *const darkSet[16] = {"#a9b1c0", "#ff7b7b", "#5fd38a", "#ffbf5f", "#6aa3ff", "#d68cf0", "#5fd3e0", "#eceef3",
                                            "#8a93a3", "#ff9b9b", "#8ae0aa", "#ffd48a", "#94bcff", "#e4aef5", "#8ae6ef", "#ffffff"};
    int index = -1;
    if (sgr >= 30 && sgr <= 37)
        index = sgr - 30;
    else if (sgr >= 90 && sgr <= 97)
        index = 8 + sgr - 90;
    if (index < 0)
        return {};
    return QString::fromLatin1(dark ? darkSet[index] : light[index]);
}

QString toRichText(QByteArrayView utf8, bool dark, QStringView highlight, const QString &highlightColor)
{
    QString out;
    if (!hasEscapes(utf8)) {
        appendEscaped(out, QString::fromUtf8(utf8), highlight, highlightColor);
        return out;
    }
    for (const Run &r : parse(utf8)) {
        const QString colour = colorOf(r.colour, dark);
        if (!colour.isEmpty())
            out += QStringLiteral("<span style=\"color:%1\">").arg(colour);
        if (r.bold)
            out += QStringLiteral("<b>");
        appendEscaped(out, r.text, highlight, highlightColor);
        if (r.bold)
            out += QStringLiteral("</b>");
        if (!colour.isEmpty())
            out += QStringLiteral("</span>");
    }
    return out;
}

}  // namespace logansi
