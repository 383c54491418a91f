#pragma once
// ANSI SGR colour codes (ECMA-48 "Select Graphic Rendition") in container logs, turned
// into rich text for display and stripped for search and copy. Only what programs print
// in practice is rendered: 30-37 and 90-97 foregrounds, bold, default colour, reset.
// Every other escape sequence (cursor moves, 256/true colour, backgrounds) is dropped.

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace logansi {

// True when the bytes contain an ESC: only then is parsing needed.
bool hasEscapes(QByteArrayView utf8);

// The text without any escape sequence.
QString strip(QByteArrayView utf8);

// Qt rich text (a subset of HTML) for one line: coloured <span>s for SGR colours, <b> for
// bold, HTML-escaped text, matches of `highlight` (case-insensitive) marked with a
// background. `dark` picks colours readable on a dark background.
QString toRichText(QByteArrayView utf8, bool dark, QStringView highlight = {}, const QString &highlightColor = {});

// The colour of SGR foreground code 30-37 / 90-97 for the light or dark theme; empty for
// another code.
QString colorOf(int sgr, bool dark);

}  // namespace logansi
