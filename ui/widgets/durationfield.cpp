// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationfield.h"

#include "domain/policyparser.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// A clear red as light or dark as the palette's text, so it reads on this palette's background.
QColor dangerColor(const QPalette &palette)
{
    const int lightness = std::clamp(palette.color(QPalette::WindowText).lightness(), 95, 175);
    return QColor::fromHsl(0, 190, lightness);
}

} // namespace

DurationField::DurationField(const QString &name, const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(name + u"Field"_s);
    setFocusProxy(m_edit);
    m_edit->setObjectName(name + u"Edit"_s);
    m_edit->setAccessibleName(accessibleName);
    m_edit->setToolTip(tr("A number and a unit (30 days, 6 months, 1year, 44h) or ISO 8601 (P30D, PT5H)"));
    m_error->setObjectName(name + u"Error"_s);
    m_error->setTextFormat(Qt::RichText);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, dangerColor(palette));
    m_error->setPalette(palette);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins({});
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);

    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        if (m_touched)
            return;
        m_touched = true; // from now on an empty required field says so
        validate();
    });
    connect(m_edit, &QLineEdit::textChanged, this, &DurationField::validate);
}

void DurationField::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void DurationField::setRequired(bool required)
{
    m_required = required;
    validate();
}

void DurationField::setVarious(bool various)
{
    m_various = various;
    if (various) {
        m_edit->clear();
        m_edit->setPlaceholderText(tr("(various)"));
    }
    validate();
}

void DurationField::setDuration(const PolicyDuration &duration)
{
    // "30 days": a form the parser reads back whatever the UI language.
    const QString number = QString::number(duration.count());
    m_edit->setText(duration.isNull() ? QString() : number + u' ' + duration.toPangea().mid(number.size()));
}

bool DurationField::isSet() const
{
    return !(m_various && m_edit->text().trimmed().isEmpty());
}

void DurationField::validate()
{
    const QString text = m_edit->text();
    m_valid = true;
    m_value = {};
    DurationParseResult parsed;
    if (!text.trimmed().isEmpty()) {
        parsed = PolicyParser::parseDuration(text);
        m_valid = parsed.ok();
        if (parsed.ok())
            m_value = *parsed.duration;
    } else if (m_required && !m_various) {
        m_valid = false;
        if (m_touched)
            parsed = PolicyParser::parseDuration(text);
    }
    if (m_valid || parsed.error.isEmpty()) {
        m_error->clear();
        m_error->setVisible(false);
        m_edit->setAccessibleDescription({});
    } else {
        QString html = parsed.error.toHtmlEscaped();
        if (parsed.errorStart >= 0 && parsed.errorLength > 0 && parsed.errorStart + parsed.errorLength <= text.size()) {
            // The typed text again, with the part the parser names underlined.
            html += u"<br><code>"_s + text.left(parsed.errorStart).toHtmlEscaped() + u"<b><u>"_s
                + text.mid(parsed.errorStart, parsed.errorLength).toHtmlEscaped() + u"</u></b>"_s
                + text.mid(parsed.errorStart + parsed.errorLength).toHtmlEscaped() + u"</code>"_s;
        }
        m_error->setText(html);
        m_error->setVisible(true);
        m_edit->setAccessibleDescription(parsed.error);
    }
    Q_EMIT changed();
}
