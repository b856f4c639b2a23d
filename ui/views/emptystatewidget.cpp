// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatewidget.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

EmptyStateWidget::EmptyStateWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
    , m_addAccountButton(new QPushButton(tr("Add Account…"), this))
{
    setObjectName(u"emptyState"_s);
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/tokendesk.svg"_s).pixmap(QSize(96, 96)));
    icon->setAlignment(Qt::AlignCenter);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(u"emptyStateTitle"_s);

    m_body->setWordWrap(true);
    m_body->setAlignment(Qt::AlignCenter);
    // A fixed width inside a plain row lets the wrapped label get its height for that width;
    // an aligned layout item would clip it to one line's height.
    m_body->setFixedWidth(520);
    m_body->setObjectName(u"emptyStateBody"_s);

    m_addAccountButton->setObjectName(u"addAccountButton"_s);
    m_addAccountButton->setDefault(true);
    m_addAccountButton->setAccessibleName(tr("Add a provider account"));
    connect(m_addAccountButton, &QPushButton::clicked, this, &EmptyStateWidget::addAccountRequested);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(12);
    layout->addWidget(m_title);
    auto *bodyRow = new QHBoxLayout;
    bodyRow->addStretch();
    bodyRow->addWidget(m_body);
    bodyRow->addStretch();
    layout->addLayout(bodyRow);
    layout->addSpacing(12);
    layout->addWidget(m_addAccountButton, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    setAccountCount(0);
}

void EmptyStateWidget::setAccountCount(int accounts)
{
    if (accounts == 0) {
        m_title->setText(tr("No tokens yet"));
        m_body->setText(
            tr("Add the account of a provider (Pangea Vault, Glean, Dynatrace, Piiano Vault) with its admin "
               "credential. TokenDesk keeps the credential in your system keychain and lists the "
               "account's tokens here, with their versions and rotation policies."));
    } else {
        m_title->setText(tr("No tokens in this workspace"));
        m_body->setText(tr("%n account(s) are set up, but none of their tokens are known yet. Add another account, "
                           "or refresh an account to read its tokens.",
            nullptr, accounts));
    }
}
