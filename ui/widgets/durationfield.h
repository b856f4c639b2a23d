// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/policyduration.h"

#include <QWidget>

class QLabel;
class QLineEdit;

// A policy duration typed as text ("30 days", "P30D", "1year"), checked as it is typed: under
// the field, PolicyParser's own message and the typed text with the bad part underlined. Empty
// means "not set", or for a required field an error once the field has been edited; in a
// "various" field (several tokens that differ) empty means "leave each as it is". The line edit
// and the message are named <name>Edit and <name>Error.
class DurationField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DurationField)

public:
    DurationField(const QString &name, const QString &accessibleName, QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    void setPlaceholderText(const QString &text);
    void setRequired(bool required);
    // Several tokens differ here: the field starts empty with a "(various)" placeholder.
    void setVarious(bool various);
    void setDuration(const PolicyDuration &duration);

    bool isValid() const { return m_valid; }
    // False for an empty "various" field, whose tokens keep their own values.
    bool isSet() const;
    PolicyDuration duration() const { return m_value; }

Q_SIGNALS:
    void changed();

private:
    void validate();

    QLineEdit *m_edit;
    QLabel *m_error;
    bool m_required = false;
    bool m_various = false;
    bool m_touched = false; // edited at least once: only then does an empty required field complain
    bool m_valid = true;
    PolicyDuration m_value;
};
