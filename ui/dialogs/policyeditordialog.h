// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/account.h"
#include "domain/token.h"
#include "policyapplier.h"

#include <QDialog>
#include <QHash>

#include <array>

class AppContext;
class DurationField;
class PolicyPreview;
class PolicyPreviewTable;
class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;

// Edits the rotation policy of one token or of many at once. Each duration is checked as it is
// typed, with the parser's own message and the bad part marked; the next five rotations and the
// end of each old version are previewed in local time and UTC, with what the provider cannot
// honour. With several tokens, a field on which they differ shows "(various)" and stays as each
// token has it unless a value is typed. Apply saves through PolicyApplier: Pangea tokens get the
// policy pushed first (progress is shown, the dialog stays open), and a token whose push fails
// keeps its old policy and is listed with the provider's message. The dialog closes itself when
// everything was saved. Open it with open(); policyApplied() names the tokens that changed.
class PolicyEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PolicyEditorDialog)

public:
    PolicyEditorDialog(AppContext *context, const QList<qint64> &tokenIds, QWidget *parent = nullptr);
    ~PolicyEditorDialog() override;

    void accept() override;
    void reject() override;

Q_SIGNALS:
    // After each Apply that saved anything, also when other tokens failed.
    void policyApplied(const QList<qint64> &tokenIds);

private:
    struct Field
    {
        DurationField *widget = nullptr;
        PolicyDuration RotationPolicy::*member = nullptr;
    };

    void loadTokens(const QList<qint64> &tokenIds);
    void addField(QFormLayout *form, int index, const QString &label, const QString &name,
        PolicyDuration RotationPolicy::*member, const QString &accessibleName, const QString &placeholder);
    void prefill();
    bool allValid() const;
    RotationPolicy policyFor(const Token &token) const;
    PolicyPreview previewFor(const Token &token) const;
    QString providerName(const Token &token) const;
    void refresh();
    void updateWarnings(const QStringList &firstTokenWarnings);
    void setBusy(bool busy);
    void showOutcome(const QList<qint64> &applied, const QList<PolicyApplier::Failure> &failures);

    AppContext *m_context;
    QList<Token> m_tokens;
    QHash<qint64, Account> m_accounts;
    QHash<qint64, ProviderCapabilities> m_capabilities; // per account
    std::array<Field, 5> m_fields;
    QCheckBox *m_automaticCheck;
    QLabel *m_targetsLabel;
    QLabel *m_warningsLabel;
    QLabel *m_previewCaption;
    PolicyPreviewTable *m_preview;
    QLabel *m_statusLabel;
    QDialogButtonBox *m_buttons;
    PolicyApplier *m_applier;
    bool m_busy = false;
};
