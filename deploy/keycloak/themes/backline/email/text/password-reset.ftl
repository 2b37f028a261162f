<#ftl output_format="plainText">
${msg("backlineResetHeading")}

${msg("backlineResetWhy", user.email!"")}

${msg("backlineResetButton")}: ${link}

${msg("backlineLinkExpiresIn", linkExpirationFormatter(linkExpiration))}

${msg("backlineResetNotYou")}

--
${msg("backlineEmailFooter")}
