export const id=85;export const ids=[85];export const modules={2029:(e,t,r)=>{r.d(t,{ib:()=>D,Im:()=>O});var n={};r.r(n),r.d(n,{"!=":()=>h,"<":()=>u,"<=":()=>f,"==":()=>d,"===":()=>A,">":()=>g,">=":()=>m,compare:()=>C,eq:()=>d,ge:()=>m,gt:()=>g,le:()=>f,lt:()=>u,ne:()=>h,rcompare:()=>b});const l=["v?","(?:","(?:(?<epoch>[0-9]+)!)?","(?<release>[0-9]+(?:\\.[0-9]+)*)","(?<pre>","[-_\\.]?","(?<pre_l>(a|b|c|rc|alpha|beta|pre|preview))","[-_\\.]?","(?<pre_n>[0-9]+)?",")?","(?<post>","(?:-(?<post_n1>[0-9]+))","|","(?:","[-_\\.]?","(?<post_l>post|rev|r)","[-_\\.]?","(?<post_n2>[0-9]+)?",")",")?","(?<dev>","[-_\\.]?","(?<dev_l>dev)","[-_\\.]?","(?<dev_n>[0-9]+)?",")?",")","(?:\\+(?<local>[a-z0-9]+(?:[-_\\.][a-z0-9]+)*))?"].join(""),i=new RegExp("^"+l+"$","i");new RegExp("^\\s*"+l+"\\s*$","i");function s(e,t){const{groups:r}=(t||i).exec(e)||{};if(!r)return null;return{epoch:Number(r.epoch?r.epoch:0),release:r.release.split(".").map(Number),pre:a(r.pre_l,r.pre_n),post:a(r.post_l,r.post_n1||r.post_n2),dev:a(r.dev_l,r.dev_n),local:c(r.local)}}function o(e){if(!e)return null;const{epoch:t,release:r,pre:n,post:l,dev:i,local:s}=e,o=[];return 0!==t&&o.push(`${t}!`),o.push(r.join(".")),n&&o.push(n.join("")),l&&o.push("."+l.join("")),i&&o.push("."+i.join("")),s&&o.push(`+${s}`),o.join("")}function a(e,t){let r=e,n=t;return r?(n||(n=0),r=r.toLowerCase(),"alpha"===r?r="a":"beta"===r?r="b":["c","pre","preview"].includes(r)?r="rc":["rev","r"].includes(r)&&(r="post"),[r,Number(n)]):!r&&n?(r="post",[r,Number(n)]):null}function c(e){return e?e.split(/[._-]/).map(e=>Number.isNaN(Number(e))?e.toLowerCase():Number(e)):null}function p(e){const t=s(e);if(!t)return t;const{epoch:r,release:n,pre:l,post:i,dev:a,local:c}=t;let p="";0!==r&&(p+=r+"!"),p+=n.join(".");const u=Boolean(a||l),f=Boolean(a),d=Boolean(i);return{epoch:r,release:n,pre:l,post:i?i[1]:i,dev:a?a[1]:a,local:c?c.join("."):c,public:o(t).split("+",1)[0],base_version:p,is_prerelease:u,is_devrelease:f,is_postrelease:d}}function u(e,t){return C(e,t)<0}function f(e,t){return C(e,t)<=0}function d(e,t){return 0===C(e,t)}function h(e,t){return 0!==C(e,t)}function m(e,t){return C(e,t)>=0}function g(e,t){return C(e,t)>0}function A(e,t){return e.toLowerCase()===t.toLowerCase()}function C(e,t){const r=s(e),n=s(t);return x(v(r),v(n))}function b(e,t){return-C(e,t)}function x(e,t){let r=e,n=t;if(r===n)return 0;if(Array.isArray(r)!==Array.isArray(n)&&(r=Array.isArray(r)?r:[r],n=Array.isArray(n)?n:[n]),Array.isArray(r)){const e=Math.min(r.length,n.length);for(let t=0;t<e;t+=1){const e=x(r[t],n[t]);if(0!==e)return e}return r.length-n.length}return r===-1/0||n===1/0?-1:r===1/0||n===-1/0?1:r<n?-1:1}function v(e){const{epoch:t}=e;let{release:r,pre:n,post:l,local:i,dev:s}=e;for(r=r.concat(),r.reverse();r.length&&0===r[0];)r.shift();return r.reverse(),n||l||!s?n||(n=1/0):n=-1/0,l||(l=-1/0),s||(s=1/0),i=i?i.map(e=>Number.isNaN(Number(e))?[-1/0,e]:[Number(e),""]):-1/0,[t,r,n,l,s,i]}const y=["(?<operator>(===|~=|==|!=|<=|>=|<|>))","\\s*","(","(?<version>(?:"+l.replace(/\?<\w+>/g,"?:")+"))","(?<prefix>\\.\\*)?","|","(?<legacy>[^,;\\s)]+)",")"].join(""),_=e=>["==","!=","==="].includes(e),w=new RegExp("^"+y+"$","i");function T(e){if(!e.trim())return[];const t=e.split(",").map(e=>w.exec(e.trim())||{}).map(({groups:e})=>{if(!e)return null;let{...t}=e;const{operator:r,version:n,prefix:l,legacy:i}=e;if(n){if(t={...t,...p(n)},"~="===r&&t.release.length<2)return null;if(!_(r)&&t.local)return null;if(l&&(!_(r)||t.dev||t.local))return null}return i&&"==="!==r?null:t});return t.filter(Boolean).length!==t.length?null:t}function j(e,t,r){const l=T(t);return l?e.filter(e=>{const t=p(e);return l.length?l.reduce((l,i)=>!!l&&function(e,t){const{explained:r}=t;let{version:l}=t;const{...i}=e;void 0===i.prereleases&&(i.prereleases=i.is_prerelease);if(r&&r.is_prerelease&&!i.prereleases)return!1;if("~="===i.operator){let e=i.release.slice(0,-1).concat("*").join(".");return i.epoch&&(e=i.epoch+"!"+e),D(l,`>=${i.version}, ==${e}`,{prereleases:i.prereleases})}if(i.prefix){const e=r.epoch===i.epoch&&function(e,t){if(t.length>e.length)return!1;for(let r=0;r<t.length;r+=1)if(t[r]!==e[r])return!1;return!0}(r.release,i.release);return"!="!==i.operator?e:!e}r&&r.local&&i.version&&("==="===i.operator||i.local||(l=r.public,i.version=p(i.version).public));if(("<"===i.operator||">"===i.operator)&&d(i.release.join("."),r.release.join(".")))return!1;const s=n[i.operator];return s(l,i.version||i.legacy)}({...i,...r},{version:e,explained:t}),!0):t&&!(t.is_prerelease&&!r.prereleases)}):[]}function D(e,t,r={}){return 1===j([e],t,r).length}function O(e){return Boolean(T(e))}},1041:(e,t,r)=>{r.d(t,{zx:()=>n,qg:()=>b});class n extends Error{line;column;codeblock;constructor(e,t){const[r,n]=
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function(e,t){let r=e.slice(0,t).split(/\r?\n/);return[r.length,r.pop().length+1]}(t.toml,t.ptr),l=function(e,t,r){let n=e.split(/\r?\n/),l="",i=1+(0|Math.log10(t+1));for(let e=t-1;e<=t+1;e++){let s=n[e-1];s&&(l+=e.toString().padEnd(i," "),l+=":  ",l+=s,l+="\n",e===t&&(l+=" ".repeat(i+r+2),l+="^\n"))}return l}(t.toml,r,n);super(`Invalid TOML document: ${e}\n\n${l}`,t),this.line=r,this.column=n,this.codeblock=l}static x(e,t,r){throw new n(e,{toml:t.s,ptr:r??t.p})}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function l(e){let t=e.p,r=e.s.charCodeAt(e.p++),l=r,i=39===r,s=r===e.s.charCodeAt(e.p)&&r===e.s.charCodeAt(e.p+1);s&&(10===(r=e.s.charCodeAt(e.p+=2))?e.p++:13===r&&10===e.s.charCodeAt(e.p+1)&&(e.p+=2));let o="",a=e.p,c=0;for(;e.p<e.s.length;e.p++)if(r=e.s.charCodeAt(e.p),s&&(10===r||13===r&&10===e.s.charCodeAt(e.p+1)))c=c&&3;else if(r<32&&9!==r||127===r)n.x("control characters are not allowed in strings",e);else{if(!(c&&3!==c||r!==l||s&&(e.s.charCodeAt(e.p+1)!==l||e.s.charCodeAt(e.p+2)!==l))){if(s&&(e.s.charCodeAt(e.p+3)===l&&e.p++,e.s.charCodeAt(e.p+3)===l&&e.p++),!c){let t=e.s.slice(a,e.p);o=o?o+t:t}return e.p+=s?3:1,o}if(c)if(1===c)if(120===r||117===r||85===r){let t=e.p++-1,l=0,i=120===r?2:117===r?4:8;for(let t=0;t<i;t++,e.p++){let t=e.s.charCodeAt(e.p),r=t>=48&&t<=57?t-48:t>=65&&t<=70?t-65+10:t>=97&&t<=102?t-97+10:-1;r<0&&n.x("invalid non-hex character in unicode escape",e),l=l<<4|r}(l<0||l>1114111||l>=55296&&l<=57343)&&n.x("invalid unicode escape",e,t),o+=String.fromCodePoint(l),a=e.p--,c=0}else!s||32!==r&&9!==r?(98===r?o+="\b":116===r?o+="\t":110===r?o+="\n":102===r?o+="\f":114===r?o+="\r":101===r?o+="":34===r?o+='"':92===r?o+="\\":n.x("unrecognised escape sequence",e),a=e.p+1,c=0):c=2;else 32!==r&&9!==r&&(2===c&&n.x("invalid escape: only line-ending whitespace may be escaped",e,a),c=i||92!==r?0:1,a=e.p);else i||92!==r||(o+=e.s.slice(a,a=e.p),c=1)}n.x("unfinished string",e,t)}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let i=/^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;class s extends Date{#e=!1;#t=!1;#r=null;constructor(e,t,r){let n,l=!0,s=!0,o="Z";if("string"==typeof e)if(t)e:{if(t<3){if(+e.slice(11,13)>23){e="";break e}2===t?(o=null,e+="Z"):90!==(n=e.charCodeAt(e.length-1))&&122!==n&&(o=e.slice(e.length-6)),r&&(e=e.slice(0,10)+"T"+e.slice(11))}else 4===t&&(e=+e.slice(0,2)>23?"":`0000-01-01T${e}Z`);l=4!==t,s=3!==t}else{let t=e.match(i);t?(t[1]||(l=!1,e=`0000-01-01T${e}`),s=!!t[2],s&&" "===e[10]&&(e=e.replace(" ","T")),t[2]&&+t[2]>23?e="":(o=t[3]||null,!o&&s&&(e+="Z"))):e=""}super(e),isNaN(this.getTime())||(this.#e=l,this.#t=s,this.#r=o)}isDateTime(){return this.#e&&this.#t}isLocal(){return!this.#e||!this.#t||!this.#r}isDate(){return this.#e&&!this.#t}isTime(){return this.#t&&!this.#e}isValid(){return this.#e||this.#t}toISOString(){let e=super.toISOString();if(this.isDate())return e.slice(0,10);if(this.isTime())return e.slice(11,23);if(null===this.#r)return e.slice(0,-1);if("Z"===this.#r||"z"===this.#r)return e;let t=60*+this.#r.slice(1,3)+ +this.#r.slice(4,6);return t="-"===this.#r[0]?t:-t,new Date(this.getTime()-6e4*t).toISOString().slice(0,-1)+this.#r}static wrapAsOffsetDateTime(e,t="Z"){let r=new s(e);return r.#r=t,r}static wrapAsLocalDateTime(e){let t=new s(e);return t.#r=null,t}static wrapAsLocalDate(e){let t=new s(e);return t.#t=!1,t.#r=null,t}static wrapAsLocalTime(e){let t=new s(e);return t.#e=!1,t.#r=null,t}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function o(e,t=10){return 16===t?e>47&&e<58||e>64&&e<71||e>96&&e<103:e>47&&e<48+t}function a(e,t){return 32===e||9===e||10===e||13===e||t&&(e===t||44===e)||35===e}function c(e,t){let r=e.p,i=e.s.charCodeAt(e.p);if(91===i||123===i){e.d--||n.x("document contains excessively nested structures. aborting.",e);let t=91===i?function(e){let t,r=e.p++,l=[];for(;e.p<e.s.length;){if(m(e),93===(t=e.s.charCodeAt(e.p)))return e.p++,l;if(l.push(c(e,93)),m(e),93===(t=e.s.charCodeAt(e.p++)))return l;44!==t&&n.x("expected comma or end of structure",e,e.p-1)}n.x("unfinished array",e,r)}(e):function(e){let t,r=e.p++,l=Object.create(null),i=new Set;for(;e.p<e.s.length;){if(m(e),125===(t=e.s.charCodeAt(e.p)))return e.p++,l;let r,s=l,o=!1,a=e.p,p=g(e);for(let t=0;t<p.length;t++){t&&(s=o?s[r]:s[r]=Object.create(null)),r=p[t],(o=Object.hasOwn(s,r))&&("object"!=typeof s[r]||i.has(s[r]))&&n.x("trying to redefine an already defined value",e,a);let l="__proto__"===r;if(e.uk&&(l||"constructor"===r)){s=1!==e.uk&&n.x("document contains an unsafe property",e,a);break}!o&&l&&Object.defineProperty(s,r,{enumerable:!0,configurable:!0,writable:!0})}o&&n.x("trying to redefine an already defined value",e,a),m(e,!0,!0);let u=c(e,125);if(s&&"object"==typeof(s[r]=u)&&i.add(u),m(e),125===(t=e.s.charCodeAt(e.p++)))return l;44!==t&&n.x("expected comma or end of structure",e,e.p-1)}n.x("unfinished table",e,r)}(e);return e.d++,t}return 34===i||39===i?l(e):116===i?(114===e.s.charCodeAt(++e.p)&&117===e.s.charCodeAt(++e.p)&&101===e.s.charCodeAt(++e.p)||n.x("invalid value",e,r),e.p++,!0):102===i?(97===e.s.charCodeAt(++e.p)&&108===e.s.charCodeAt(++e.p)&&115===e.s.charCodeAt(++e.p)&&101===e.s.charCodeAt(++e.p)||n.x("invalid value",e,r),e.p++,!1):43===i||45===i?p(e,e.p,e.s.charCodeAt(++e.p),44-i,t):45===e.s.charCodeAt(e.p+4)&&45===e.s.charCodeAt(e.p+7)?function(e,t,r){let l,i=e.p++;if(!(o(t)&&o(e.s.charCodeAt(e.p++))&&o(e.s.charCodeAt(e.p++))&&o(e.s.charCodeAt(e.p++))))return p(e,e.p=i,t,0,r);e.p+=5,o(e.s.charCodeAt(e.p++))||n.x("invalid date-time: date part is malformed",e,i);if(e.p>=e.s.length||(32!==(t=e.s.charCodeAt(e.p))||(l=!0,!o(e.s.charCodeAt(e.p+1))))&&84!==t&&116!==t){let t=e.s.slice(i,e.p);return d(e,t,3,!1,i)}58!==e.s.charCodeAt(e.p+=3)&&n.x("invalid date-time: time part is malformed",e,i);58===e.s.charCodeAt(e.p+=3)&&(e.p+=3);if(46===e.s.charCodeAt(e.p))for(;o(e.s.charCodeAt(++e.p)););if(t=e.s.charCodeAt(e.p)){if(90===t||122===t){let t=e.s.slice(i,++e.p);return d(e,t,1,l,i,"[+00:00]")}if(43===t||45===t){let t=e.s.slice(i,e.p+=6);return d(e,t,1,l,i,!e.ld&&"["+e.s.slice(e.p-6,e.p)+"]")}}let s=e.s.slice(i,e.p);return d(e,s,2,l,i)}(e,i,t):58===e.s.charCodeAt(e.p+2)?function(e,t,r){let n=e.p;if(!o(t)||!o(e.s.charCodeAt(++e.p)))return p(e,--e.p,t,0,r);58===e.s.charCodeAt(e.p+=4)&&(e.p+=3);if(46===e.s.charCodeAt(e.p))for(;o(e.s.charCodeAt(++e.p)););let l=e.s.slice(n,e.p);return d(e,l,4,!1,n)}(e,i,t):p(e,e.p,i,0,t)}function p(e,t,r,l,i){let s=r,c=0,p=!1;if(105===s)return 110===e.s.charCodeAt(++e.p)&&102===e.s.charCodeAt(++e.p)||n.x("invalid value",e,t),e.p++,(l||1)/0;if(110===s)return 97===e.s.charCodeAt(++e.p)&&110===e.s.charCodeAt(++e.p)||n.x("invalid value",e,t),e.p++,NaN;if(48===s){if(++e.p>=e.s.length||a(s=e.s.charCodeAt(e.p),i))return!0===e.bi?0n:0;if(!l){if(120===s)return u(e,t,16,i);if(98===s)return u(e,t,2,i);if(111===s)return u(e,t,8,i)}46===s?c=2:101===s||69===s?c=4:n.x("illegal leading zero",e,t)}else o(s)||n.x("invalid value",e,t);for(;++e.p<e.s.length&&(s=e.s.charCodeAt(e.p),!a(s,i));)c||(c=1),95===s?(1&c||n.x("illegal underscore",e),c+=11,p=!0):1===c&&46===s?c=2:1!==c&&3!==c||101!==s&&69!==s?4!==c||43!==s&&45!==s?o(s)?c>9?c-=11:1&c||c++:n.x("illegal character in numeric literal",e):c=6:c=4;if(!c){let t=(r-48)*(l||1);return!0===e.bi?BigInt(t):t}1&c||n.x("unfinished numeric value",e,t);let d=e.s.slice(t,e.p);return p&&(d=d.replaceAll("_","")),c>1?parseFloat(d):f(e,d,10,t)}function u(e,t,r,l){let i,s=1;for(;++e.p<e.s.length&&(i=e.s.charCodeAt(e.p),!a(i,l));)95===i?(1&s&&n.x("illegal underscore",e),s=3):o(i,r)?1&s&&s--:n.x("illegal character in numeric literal",e);1&s&&n.x("unfinished numeric value",e);let c=e.s.slice(t+2,e.p);return s&&(c=c.replaceAll("_","")),f(e,c,r,t)}function f(e,t,r,l){if(!0!==e.bi)e:{let i=parseInt(t,r);if(!Number.isSafeInteger(i)){if(e.bi)break e;n.x("integer value cannot be represented losslessly",e,l)}return i}return 10===r?BigInt(t):BigInt((2===r?"0b":8===r?"0o":"0x")+t)}function d(e,t,r,l,i,o){if(e.ld){let o=new s(t,r,l);return o.isValid()||n.x("invalid date",e,i),o}try{switch(o&&(t+=o),r){case 1:return Temporal.ZonedDateTime.from(t);case 2:return Temporal.PlainDateTime.from(t);case 3:return Temporal.PlainDate.from(t);case 4:return Temporal.PlainTime.from(t)}}catch(t){n.x(t instanceof Error?t.message:""+t,e,i)}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function h(e){for(;e.p<e.s.length;e.p++){let t=e.s.charCodeAt(e.p);if(10===t)break;if(13===t&&10===e.s.charCodeAt(e.p+1)){e.p++;break}(t<32&&9!==t||127===t)&&n.x("control characters are not allowed in comments",e)}}function m(e,t,r){let n;for(;e.p<e.s.length;){for(;e.p<e.s.length&&(32===(n=e.s.charCodeAt(e.p))||9===n||!t&&(10===n||13===n&&10===e.s.charCodeAt(e.p+1)));)e.p++;if(r||35!==n)break;h(e)}}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function g(e,t=61){let r,i,s=0,o=[],a=e.s.charCodeAt(r=e.p);do{if(a===t)return s||n.x("unexpected end of key",e),1===s&&o.push(e.s.slice(i,e.p)),e.p++,o;46===a?(s||n.x("illegal empty bare key",e),1===s&&o.push(e.s.slice(i,e.p)),s=0):s||34!==a&&39!==a?32===a||9===a?1===s&&(o.push(e.s.slice(i,e.p)),s=2):2===s||a<48&&45!==a||a>57&&a<65||a>90&&a<97&&95!==a||a>122?n.x("illegal character in key",e):s||(s=1,i=e.p):(a===e.s.charCodeAt(e.p+1)&&a===e.s.charCodeAt(e.p+2)&&n.x("illegal quoted key: multiline strings are not allowed",e),o.push(l(e)),s=2,e.p--)}while(a=e.s.charCodeAt(++e.p));n.x("incomplete key-value: cannot find end of key",e,r)}
/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function A(e,t,r,n,l){let i,s,o=r,a=n,c=!1;for(let r=0;r<t.length;r++){if(r){if(o=c?o[i]:o[i]=Object.create(null),a=(s=a[i]).c,0===l&&(1===s.t||2===s.t))return null;if(2===s.t){let e=o.length-1;o=o[e],a=a[e].c}}if(i=t[r],(c=Object.hasOwn(o,i))&&0===a[i]?.t&&a[i]?.d)return null;if(!c){let n="__proto__"===i;if(e.uk&&(n||"constructor"===i))return!1;n&&(Object.defineProperty(o,i,{enumerable:!0,configurable:!0,writable:!0}),Object.defineProperty(a,i,{enumerable:!0,configurable:!0,writable:!0})),a[i]={t:r<t.length-1&&2===l?3:l,d:!1,i:0,c:Object.create(null)}}}if(s=a[i],s.t!==l&&(1!==l||3!==s.t))return null;if(2===l&&(s.d||(s.d=!0,o[i]=[]),o[i].push(o=Object.create(null)),s.c[s.i++]=s={t:1,d:!1,i:0,c:Object.create(null)}),s.d)return null;if(s.d=!0,1===l)o=c?o[i]:o[i]=Object.create(null);else if(0===l&&c)return null;return[i,o,s.c]}function C(e,t,r){null!==t&&2!==e.uk||n.x(null===t?"trying to redefine an already defined table or value":"document contains an unsafe property",e,r)}function b(e,t={}){let r,l={s:e,p:0,d:t.maxDepth??1e3,bi:t.integersAsBigInt??!1,ld:t.useLegacyDate??!0,uk:"throw"===t.unsafeKeyBehaviour?2:"drop"===t.unsafeKeyBehaviour?1:0},i=Object.create(null),s=Object.create(null),o=!1,a=i,p=s;for(65279===e.charCodeAt(0)&&l.p++,m(l);l.p<e.length;){if(91===e.charCodeAt(l.p)){let t=91===e.charCodeAt(++l.p);r=l.p+=+t,o=!1;let c=g(l,93);t&&(93!==e.charCodeAt(l.p)&&n.x("expected end of table array declaration",l),l.p++);let u=A(l,c,i,s,t?2:1);u?(p=u[2],a=u[1]):(C(l,u,r),o=!0)}else{r=l.p;let e=A(l,g(l),a,p,0);e||o||C(l,e,r),m(l,!0,!0);let t=c(l,void 0);e&&!o&&(e[1][e[0]]=t)}m(l,!0),l.p<e.length&&10!==(r=e.charCodeAt(l.p))&&(13!==r||10!==e.charCodeAt(l.p+1))&&n.x("each key-value declaration must be followed by an end-of-line",l),m(l)}return i}}};
//# sourceMappingURL=85.index.js.map