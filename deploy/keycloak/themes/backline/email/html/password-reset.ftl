<#import "template.ftl" as layout>
<@layout.emailLayout>
<@layout.heading>${msg("backlineResetHeading")}</@layout.heading>
<p>${msg("backlineResetWhy", user.email!"")}</p>
<@layout.button href=link>${msg("backlineResetButton")}</@layout.button>
<p>${msg("backlineLinkExpiresIn", linkExpirationFormatter(linkExpiration))}</p>
<p style="color:#556070;">${msg("backlineResetNotYou")}</p>
</@layout.emailLayout>
