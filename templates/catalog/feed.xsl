<?xml version="1.0" encoding="utf-8"?>{% load static %}
<!-- Shows the catalog's Atom feed as a readable page when a browser opens it.
     Feed readers ignore this stylesheet and read the Atom itself. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/atom:feed">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/> (Atom feed)</title>
        <link rel="stylesheet" href="{% static 'toolkit/site.css' %}"/>
      </head>
      <body>
        <main id="main" class="wrap feed-page">
          <h1><xsl:value-of select="atom:title"/></h1>
          <p class="lede"><xsl:value-of select="atom:subtitle"/></p>
          <section class="panel" aria-labelledby="feed-how">
            <h2 id="feed-how">This is an Atom feed</h2>
            <p>To be told of new resources matching this search, copy this page's address into a feed reader (for example Feedly, Inoreader, NetNewsWire or Thunderbird).</p>
            <p><a href="{atom:link[@rel='alternate']/@href}">Back to the search in the catalog</a></p>
          </section>
          <h2>Newest resources</h2>
          <xsl:choose>
            <xsl:when test="atom:entry">
              <ol class="results">
                <xsl:for-each select="atom:entry">
                  <li class="result">
                    <h3 class="result__title"><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
                    <p class="hint">
                      <xsl:for-each select="atom:author"><xsl:value-of select="atom:name"/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each>
                      <xsl:if test="atom:author"> · </xsl:if>
                      <time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
                    </p>
                    <p class="result__summary"><xsl:value-of select="atom:summary"/></p>
                  </li>
                </xsl:for-each>
              </ol>
            </xsl:when>
            <xsl:otherwise><p>No resource matches this feed yet.</p></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
