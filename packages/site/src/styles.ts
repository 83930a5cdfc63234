// The site's one stylesheet. Mobile first, system fonts, colours chosen for WCAG AA contrast:
// text #1b2629 on #fff (15.6:1), links and buttons #0b5c6b on #fff (7.4:1), white on #0b5c6b.
// Kept as a string so the package stays pure (no file reads); its name carries its hash.

/** The site's stylesheet. */
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.6;color:#1b2629;background:#fff}
h1,h2,h3,h4{line-height:1.25;margin:1.6em 0 .5em;color:#0f2e35}
h1{font-size:2rem;margin-top:.5em}
h2{font-size:1.5rem}
h3{font-size:1.2rem}
p,ul,ol{margin:0 0 1em}
a{color:#0b5c6b;text-decoration-thickness:1px;text-underline-offset:.15em}
a:hover{color:#073f4a;text-decoration-thickness:2px}
:focus-visible{outline:3px solid #c2410c;outline-offset:2px}
main:focus{outline:none}
.wrap{max-width:68rem;margin:0 auto;padding:0 1rem}
.narrow{max-width:44rem}
.skip-link{position:absolute;left:-10000px;top:.5rem;z-index:10;padding:.75rem 1rem;background:#fff;color:#0b5c6b;font-weight:600}
.skip-link:focus{left:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.site-header{background:#0b5c6b;color:#fff}
.header-inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;padding-top:.75rem;padding-bottom:.75rem}
.brand{color:#fff;font-weight:700;font-size:1.15rem;text-decoration:none;padding:.5rem 0}
.brand:hover{color:#fff;text-decoration:underline}
.site-header :focus-visible{outline-color:#fff}
.nav-list{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
.nav-list a{display:inline-block;color:#fff;padding:.6rem .25rem;min-height:44px}
.nav-list a:hover{color:#fff}
.nav-list .nav-cta{font-weight:600}
.hero{background:#eef6f7;padding:1.5rem 0 2rem}
.lead{font-size:1.2rem;color:#2c3b3f}
.eyebrow{margin:1.5rem 0 0;font-size:.95rem;font-weight:600;color:#3d5257;text-transform:uppercase;letter-spacing:.04em}
.small{font-size:.95rem;color:#3d5257}
.actions{display:flex;flex-wrap:wrap;gap:.75rem}
.button{display:inline-block;padding:.75rem 1.25rem;min-height:48px;border:2px solid #0b5c6b;border-radius:.375rem;background:#0b5c6b;color:#fff;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
.button:hover{background:#073f4a;border-color:#073f4a;color:#fff}
.button-secondary{background:#fff;color:#0b5c6b}
.button-secondary:hover{background:#dcebee;color:#073f4a}
.button[disabled],.button[aria-disabled=true]{opacity:.7;cursor:progress}
.cards{display:grid;gap:1rem}
.card{border:1px solid #c9d9dc;border-radius:.5rem;padding:1rem;background:#fff}
.card-title{margin-top:0}
.therapist-card{display:flex;gap:1rem;align-items:flex-start}
.portrait{flex:none;border-radius:50%}
.listing{font-weight:600;color:#2c3b3f}
.link-list{list-style:none;padding:0}
.link-list li{margin:0 0 1rem}
.link-list a{font-weight:600;display:inline-block;padding:.25rem 0}
.link-list p{margin:.25rem 0 0}
.step-list{list-style:none;padding:0;display:grid;gap:1rem;counter-reset:step}
.step{position:relative;padding:1rem 1rem 1rem 4rem;border-radius:.5rem;background:#eef6f7}
.step-number{position:absolute;left:1rem;top:1rem;width:2.25rem;height:2.25rem;border-radius:50%;background:#0b5c6b;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.step-title{margin:0 0 .25rem;font-size:1.1rem}
.step p{margin:.25rem 0 0}
.program{margin-bottom:1rem}
.locations{display:grid;gap:1.5rem}
.contact-phone{font-size:1.3rem;font-weight:700}
.contact-phone a{display:inline-block;padding:.25rem 0}
address{font-style:normal;margin:0 0 1em}
.address-name{font-weight:600}
.open-now{min-height:3.2em;margin:0 0 .5rem;font-weight:700;color:#0f2e35}
.hours-table{border-collapse:collapse;width:100%;max-width:26rem;margin:0 0 1rem}
.hours-table caption{text-align:left;font-weight:600;padding:0 0 .5rem}
.hours-table th,.hours-table td{text-align:left;padding:.35rem .5rem .35rem 0;border-bottom:1px solid #dbe6e8;vertical-align:top}
.hours-table th{font-weight:600;width:8rem}
.exceptions-title{font-weight:600;margin:0 0 .25rem}
.exception-date{font-weight:600}
.cta{margin:2.5rem 0;padding:1.25rem;border-radius:.5rem;background:#eef6f7}
.cta-lead{font-size:1.2rem;font-weight:700;color:#0f2e35}
.related{margin-top:2rem}
.profile-header{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:center;margin-top:1.5rem}
.profile-header h1{margin:0 0 .25rem}
.credentials{padding-left:1.25rem}
.facts{list-style:none;padding:0}
.fact{border-left:4px solid #0b5c6b;padding:.25rem 0 .25rem 1rem;margin:0 0 1rem}
.fact-figure{font-size:2.25rem;font-weight:800;line-height:1.1;margin:0;color:#0b5c6b}
.prose{max-width:44rem}
.article-header{margin-bottom:1.5rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;color:#3d5257;font-size:.95rem}
.figure-placeholder{margin:1rem 0 1.25rem}
.figure-placeholder svg{display:block;width:100%;height:auto;border-radius:.375rem}
.figure-placeholder figcaption{font-size:.95rem;color:#3d5257;margin-top:.35rem}
.site-footer{margin-top:3rem;padding:1.5rem 0 2rem;background:#0f2e35;color:#fff}
.site-footer a{color:#fff}
.site-footer :focus-visible{outline-color:#fff}
.footer-name{font-weight:700}
.footer-links{list-style:none;padding:0;margin:0}
.footer-links a{display:inline-block;padding:.5rem 0}
.form{margin-top:1rem}
.field{margin:0 0 1.5rem;padding:0;border:0;min-width:0}
.field label,.field legend{display:block;font-weight:600;margin-bottom:.25rem;padding:0}
.hint{color:#3d5257;margin:0 0 .35rem;font-size:.95rem}
.field-invalid{border-left:4px solid #b42318;padding-left:.75rem}
.field-error{color:#b42318;font-weight:700;margin:0 0 .35rem}
input,select,textarea{font:inherit;color:inherit}
.field input[type=text],.field input[type=tel],.field input[type=email],.field select,.field textarea{display:block;width:100%;max-width:32rem;min-height:48px;padding:.5rem .6rem;border:2px solid #52666b;border-radius:.25rem;background:#fff}
.field textarea{min-height:8rem}
.field [aria-invalid=true]{border-color:#b42318}
.choices{display:grid;gap:.5rem}
.choices-inline{grid-template-columns:repeat(auto-fill,minmax(9rem,1fr))}
.choice{display:flex;align-items:flex-start;gap:.6rem}
.choice input{flex:none;width:1.5rem;height:1.5rem;margin:.1rem 0 0;accent-color:#0b5c6b}
.choice label{font-weight:400;margin:0;padding:.05rem 0}
.consent label{font-weight:400}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.error-summary{border:4px solid #b42318;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0;font-size:1.25rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b42318;font-weight:700}
.form-status{min-height:1.6em;font-weight:600}
[hidden]{display:none!important}
@media (min-width:40rem){
h1{font-size:2.5rem}
.cards{grid-template-columns:repeat(auto-fill,minmax(20rem,1fr))}
.step-list{grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.locations{grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}
.hero{padding:2.5rem 0 3rem}
}
@media (prefers-reduced-motion:reduce){*{scroll-behavior:auto!important;transition:none!important}}
`.trim();
