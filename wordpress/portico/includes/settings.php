<?php
/**
 * Settings, Portico: the portal URL, what Portico must trust, and the shortcodes at hand.
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the portal URL with the Settings API (options.php checks the nonce and the
 * manage_options capability before saving).
 */
function portico_register_settings() {
	register_setting(
		'portico',
		PORTICO_OPTION,
		array(
			'type'              => 'string',
			'default'           => '',
			'sanitize_callback' => 'portico_sanitize_portal_url',
		)
	);
	add_settings_section( 'portico_portal', '', '__return_false', 'portico' );
	add_settings_field(
		PORTICO_OPTION,
		__( 'Portal URL', 'portico' ),
		'portico_render_portal_url_field',
		'portico',
		'portico_portal',
		array( 'label_for' => PORTICO_OPTION )
	);
}

/**
 * Keeps a valid portal URL (without a trailing slash); for anything else, says why and keeps the
 * URL saved before.
 *
 * @param mixed $value What the form sent.
 * @return string
 */
function portico_sanitize_portal_url( $value ) {
	$url = portico_normalize_portal_url( $value );
	if ( null !== $url && portico_is_mixed_content( $url ) ) {
		add_settings_error(
			PORTICO_OPTION,
			'portico_insecure_portal_url',
			__( 'This site is served over https, so browsers would block a portal at an http:// address. Enter the portal URL starting with https://. The previous value was kept.', 'portico' )
		);
		return portico_portal_url();
	}
	if ( null !== $url ) {
		return $url;
	}
	add_settings_error(
		PORTICO_OPTION,
		'portico_invalid_portal_url',
		__( 'The portal URL must be the web address of your Portico server, starting with https:// or http://, such as https://portal.example.com. The previous value was kept.', 'portico' )
	);
	return portico_portal_url();
}

/**
 * Adds Settings, Portico.
 */
function portico_add_settings_page() {
	add_options_page(
		__( 'Portico', 'portico' ),
		__( 'Portico', 'portico' ),
		'manage_options',
		'portico',
		'portico_render_settings_page'
	);
}

/**
 * The settings page.
 */
function portico_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$origin = portico_site_origin();
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php
			settings_fields( 'portico' );
			do_settings_sections( 'portico' );
			submit_button();
			?>
		</form>

		<h2><?php esc_html_e( 'Let Portico trust this site', 'portico' ); ?></h2>
		<p id="portico-trusted-origins">
			<?php
			printf(
				/* translators: 1: this site's origin, 2: the setting's name, 3: an example line. */
				esc_html__( 'Portico answers only the sites it trusts. Add this site, %1$s, to %2$s on the Portico server, for example %3$s, and restart it.', 'portico' ),
				'<code>' . esc_html( $origin ) . '</code>',
				'<code>TRUSTED_ORIGINS</code>',
				'<code>TRUSTED_ORIGINS=' . esc_html( $origin ) . '</code>'
			);
			?>
		</p>

		<h2><?php esc_html_e( 'Shortcodes', 'portico' ); ?></h2>
		<p><?php esc_html_e( 'Put a shortcode in a page, a post or a widget to show a Portico element there. The script loads only on pages that have one.', 'portico' ); ?></p>
		<table class="widefat striped" id="portico-shortcodes">
			<thead>
				<tr>
					<th scope="col"><?php esc_html_e( 'Shortcode', 'portico' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Element', 'portico' ); ?></th>
					<th scope="col"><?php esc_html_e( 'Attributes', 'portico' ); ?></th>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( portico_shortcodes() as $shortcode => $definition ) : ?>
					<tr>
						<td><code>[<?php echo esc_html( $shortcode ); ?>]</code></td>
						<td><code>&lt;<?php echo esc_html( $definition['tag'] ); ?>&gt;</code></td>
						<td><?php echo esc_html( implode( ', ', array_merge( array_keys( $definition['attributes'] ), array( 'lang' ) ) ) ); ?></td>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
	</div>
	<?php
}

/**
 * The portal URL field.
 */
function portico_render_portal_url_field() {
	?>
	<input type="url" class="regular-text code" id="<?php echo esc_attr( PORTICO_OPTION ); ?>"
		name="<?php echo esc_attr( PORTICO_OPTION ); ?>"
		value="<?php echo esc_attr( portico_portal_url() ); ?>"
		placeholder="https://portal.example.com" aria-describedby="portico-portal-url-description" />
	<p class="description" id="portico-portal-url-description">
		<?php
		printf(
			/* translators: %s: the script's path. */
			esc_html__( 'The address of your Portico server. Pages with a Portico shortcode load %s from it.', 'portico' ),
			'<code>/portico.js</code>'
		);
		?>
	</p>
	<?php
}

/**
 * Tells administrators, on every admin page but the settings page, that nothing shows until the
 * portal URL is set.
 */
function portico_missing_portal_url_notice() {
	if ( '' !== portico_portal_url() || ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$screen = get_current_screen();
	if ( $screen && 'settings_page_portico' === $screen->id ) {
		return;
	}
	printf(
		'<div class="notice notice-warning" id="portico-missing-portal-url"><p>%1$s <a href="%2$s">%3$s</a></p></div>',
		esc_html__( 'Portico shows nothing until you enter the address of your portal.', 'portico' ),
		esc_url( admin_url( 'options-general.php?page=portico' ) ),
		esc_html__( 'Go to Settings → Portico', 'portico' )
	);
}

/**
 * A Settings link beside Deactivate in the plugins list.
 *
 * @param string[] $links The plugin's action links.
 * @return string[]
 */
function portico_plugin_action_links( $links ) {
	array_unshift(
		$links,
		sprintf(
			'<a href="%1$s">%2$s</a>',
			esc_url( admin_url( 'options-general.php?page=portico' ) ),
			esc_html__( 'Settings', 'portico' )
		)
	);
	return $links;
}
